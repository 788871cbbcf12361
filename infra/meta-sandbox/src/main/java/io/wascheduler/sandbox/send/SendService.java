package io.wascheduler.sandbox.send;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import io.wascheduler.sandbox.config.NumberFaults;
import io.wascheduler.sandbox.config.SandboxProperties;
import io.wascheduler.sandbox.config.SwitchBoard;
import io.wascheduler.sandbox.ledger.Ledger;
import io.wascheduler.sandbox.ledger.LedgerEntry;
import io.wascheduler.sandbox.ledger.SendStats;
import io.wascheduler.sandbox.magic.MagicAttempts;
import io.wascheduler.sandbox.magic.MagicRules;
import io.wascheduler.sandbox.magic.MagicRules.Kind;
import io.wascheduler.sandbox.ratelimit.SendAdmission;
import io.wascheduler.sandbox.sender.Sender;
import io.wascheduler.sandbox.sender.SenderRegistry;
import io.wascheduler.sandbox.webhook.AcceptedMessage;
import io.wascheduler.sandbox.webhook.StatusWebhooks;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;

/**
 * One send, decided in Meta's order: the token, the number, the body, the magic recipients, the failures
 * injected for the number, throughput, pair rate. An accepted send is written to the ledger and its status webhooks are planned; the answer leaves after
 * the configured latency.
 */
@Service
class SendService {

    private final SenderRegistry senders;
    private final SendAdmission admission;
    private final MagicRules magic;
    private final MagicAttempts attempts;
    private final Ledger ledger;
    private final SendStats stats;
    private final StatusWebhooks webhooks;
    private final SwitchBoard switchBoard;
    private final Duration timeoutHold;
    private final Clock clock;
    private final JsonMapper json;
    private final MessageIds ids = new MessageIds();
    private final Refusals refusals;

    SendService(SenderRegistry senders, SendAdmission admission, MagicRules magic, MagicAttempts attempts,
            Ledger ledger, SendStats stats, StatusWebhooks webhooks, SwitchBoard switchBoard,
            SandboxProperties properties, Clock clock, JsonMapper json) {
        this.senders = senders;
        this.admission = admission;
        this.magic = magic;
        this.attempts = attempts;
        this.ledger = ledger;
        this.stats = stats;
        this.webhooks = webhooks;
        this.switchBoard = switchBoard;
        this.timeoutHold = properties.magic().timeoutHold();
        this.clock = clock;
        this.json = json;
        this.refusals = new Refusals(stats, clock, ids);
    }

    /** The answer to one send, its {@link SendReply#hold()} being the whole wait before it leaves: latency included. */
    SendReply send(String phoneNumberId, String authorization, byte[] body) {
        SendReply reply = decide(phoneNumberId, bearerToken(authorization), body);
        Duration latency = switchBoard.latency().latencyFor(phoneNumberId, ThreadLocalRandom.current());
        return latency.isZero() ? reply : reply.heldFor(latency);
    }

    private SendReply decide(String phoneNumberId, String token, byte[] body) {
        if (token == null) {
            return refusals.unusableToken(phoneNumberId);
        }
        Sender sender = senders.find(phoneNumberId).orElse(null);
        if (sender == null) {
            return refusals.unknownNumber(phoneNumberId);
        }
        if (!sender.acceptsToken(token)) {
            return refusals.unusableToken(phoneNumberId);
        }
        MessageValidator.Validation validation = MessageValidator.validate(body, json);
        if (!validation.valid()) {
            return refusals.error(phoneNumberId, MetaError.INVALID_PARAMETER, validation.problem());
        }
        OutgoingMessage message = validation.message();
        boolean counted = magic.countsAttempts(message.toE164());
        String key = counted ? MagicAttempts.messageKey(phoneNumberId, message.bizOpaqueCallbackData(), body) : null;
        MagicRules.Verdict verdict = magic.verdictFor(message.toE164(), counted ? attempts.recordAttempt(key) : 1);
        if (verdict.kind() == Kind.REJECT) {
            return verdict.error() == MetaError.ACCESS_TOKEN ? refusals.expiredToken(phoneNumberId)
                    : refusals.error(phoneNumberId, verdict.error());
        }
        if (verdict.kind() == Kind.HOLD) {
            return refusals.heldError(phoneNumberId, verdict.error(), timeoutHold);
        }
        SendReply injected = injectedFailure(phoneNumberId);
        if (injected != null) {
            return injected;
        }
        return switch (admission.admit(phoneNumberId, message.toE164(), sender.throughputMps())) {
            case THROUGHPUT_EXCEEDED -> refusals.error(phoneNumberId, MetaError.THROUGHPUT_REACHED);
            case PAIR_RATE_EXCEEDED -> refusals.error(phoneNumberId, MetaError.PAIR_RATE_LIMIT);
            case ADMITTED -> {
                if (counted) {
                    attempts.forget(key);
                }
                SendReply accepted = accept(sender, message, verdict);
                yield answerLost(phoneNumberId) ? accepted.heldFor(timeoutHold) : accepted;
            }
        };
    }

    /** The number's injected timeout or error, drawn for this send; null when none applies. */
    private SendReply injectedFailure(String phoneNumberId) {
        NumberFaults faults = switchBoard.faults().of(phoneNumberId);
        if (faults.timeoutRate() == 0 && faults.errorRate() == 0) {
            return null;
        }
        double draw = ThreadLocalRandom.current().nextDouble();
        if (draw < faults.timeoutRate()) {
            return refusals.heldError(phoneNumberId, MetaError.SERVER_UNAVAILABLE, timeoutHold);
        }
        if (draw < faults.timeoutRate() + faults.errorRate()) {
            return refusals.injected(phoneNumberId, MetaError.byCode(faults.errorCode()).orElse(MetaError.UNKNOWN_ERROR));
        }
        return null;
    }

    private boolean answerLost(String phoneNumberId) {
        double rate = switchBoard.faults().of(phoneNumberId).lostAnswerRate();
        return rate > 0 && ThreadLocalRandom.current().nextDouble() < rate;
    }

    private SendReply accept(Sender sender, OutgoingMessage message, MagicRules.Verdict verdict) {
        Instant now = clock.instant();
        String wamid = ids.newWamid(message.waId());
        ledger.record(new LedgerEntry(wamid, sender.phoneNumberId(), message.toE164(), message.type(),
                message.bizOpaqueCallbackData(), now.toEpochMilli()));
        stats.accepted(sender.phoneNumberId());
        if (verdict.kind() != Kind.ACCEPT_WITHOUT_WEBHOOKS) {
            webhooks.accepted(new AcceptedMessage(wamid, sender.phoneNumberId(), sender.wabaId(),
                    sender.displayPhoneNumber(), message.waId(), message.type(), message.bizOpaqueCallbackData(), now,
                    verdict.kind() == Kind.ACCEPT_THEN_FAIL ? verdict.error() : null));
        }
        return SendReply.now(200, SendAccepted.of(message, wamid));
    }

    private static String bearerToken(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = authorization.substring(7).strip();
        return token.isEmpty() ? null : token;
    }
}
