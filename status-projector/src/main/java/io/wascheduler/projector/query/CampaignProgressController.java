package io.wascheduler.projector.query;

import io.wascheduler.projector.campaign.ProgressReport;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/internal/v1/campaigns/{campaignId}")
class CampaignProgressController {

    static final String PROGRESS_EVENT = "progress";

    private final CampaignProgressQuery query;

    CampaignProgressController(CampaignProgressQuery query) {
        this.query = query;
    }

    @GetMapping(path = "/progress", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ProgressReport> progress(@PathVariable String campaignId,
        @RequestHeader(name = KeyOwnerRouter.FORWARDED_HEADER, required = false) String forwardedBy) {
        return query.progress(campaignId, forwardedBy != null);
    }

    @GetMapping(path = "/progress/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<ProgressReport>> progressStream(@PathVariable String campaignId) {
        return query.changes(campaignId)
            .map(report -> ServerSentEvent.builder(report).event(PROGRESS_EVENT).build());
    }
}
