package io.wascheduler.model.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CallbackDataTest {

    @Test
    void decodesWhatItEncodes() {
        var withCampaign = new CallbackData("msg_01", 3, "cmp_07");
        var withoutCampaign = new CallbackData("msg_02", 1, null);

        assertThat(CallbackData.decode(withCampaign.encode())).contains(withCampaign);
        assertThat(CallbackData.decode(withoutCampaign.encode())).contains(withoutCampaign);
    }

    @Test
    void foreignOrMissingCallbackDataIsNotMistakenForOurs() {
        assertThat(CallbackData.decode(null)).isEmpty();
        assertThat(CallbackData.decode("")).isEmpty();
        assertThat(CallbackData.decode("order-17")).isEmpty();
        assertThat(CallbackData.decode("wa1|m|notANumber|-")).isEmpty();
        assertThat(CallbackData.decode("wa1||1|-")).isEmpty();
    }
}
