package io.wascheduler.api.campaign;

import io.wascheduler.api.auth.TenantAttribute;
import io.wascheduler.api.message.MessageView;
import io.wascheduler.model.lifecycle.MessageStatus;
import java.net.URI;
import org.springframework.core.ResolvableType;
import org.springframework.core.codec.StringDecoder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/v1/campaigns")
class CampaignController {

    static final String TEXT_CSV = "text/csv";
    static final String PROGRESS_EVENT = "progress";
    /** Splits a streamed body into lines as it arrives. */
    private static final StringDecoder LINES = StringDecoder.allMimeTypes();

    private final CampaignService campaigns;
    private final CampaignCommands commands;
    private final CampaignDrafts drafts;
    private final CampaignLaunch launch;
    private final ProgressStream progress;

    CampaignController(CampaignService campaigns, CampaignCommands commands, CampaignDrafts drafts, CampaignLaunch launch,
                       ProgressStream progress) {
        this.campaigns = campaigns;
        this.commands = commands;
        this.drafts = drafts;
        this.launch = launch;
        this.progress = progress;
    }

    @PostMapping
    Mono<ResponseEntity<CampaignView>> create(@RequestAttribute(TenantAttribute.NAME) String tenantId,
                                              @RequestParam(defaultValue = "false") boolean skipInvalid,
                                              @RequestBody CampaignRequest request) {
        return campaigns.create(tenantId, request, skipInvalid)
            .map(view -> ResponseEntity.created(URI.create("/v1/campaigns/" + view.id())).body(view));
    }

    @GetMapping
    Mono<Page<CampaignView>> list(@RequestAttribute(TenantAttribute.NAME) String tenantId,
                                  @RequestParam(required = false) String status, @RequestParam(required = false) Integer limit,
                                  @RequestParam(required = false) String cursor) {
        return Mono.fromCallable(() -> ListQuery.parse(status, limit, cursor, CampaignStatus.class))
            .flatMap(query -> campaigns.list(tenantId, query));
    }

    @GetMapping("/{id}")
    Mono<CampaignView> find(@RequestAttribute(TenantAttribute.NAME) String tenantId, @PathVariable String id) {
        return campaigns.find(tenantId, id);
    }

    @GetMapping(path = "/{id}/progress/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<Progress>> progressStream(@RequestAttribute(TenantAttribute.NAME) String tenantId, @PathVariable String id) {
        return progress.follow(tenantId, id).map(update -> ServerSentEvent.builder(update).event(PROGRESS_EVENT).build());
    }

    @GetMapping("/{id}/messages")
    Mono<Page<MessageView>> messages(@RequestAttribute(TenantAttribute.NAME) String tenantId, @PathVariable String id,
                                     @RequestParam(required = false) String status, @RequestParam(required = false) Integer limit,
                                     @RequestParam(required = false) String cursor) {
        return Mono.fromCallable(() -> ListQuery.parse(status, limit, cursor, MessageStatus.class))
            .flatMap(query -> campaigns.messages(tenantId, id, query));
    }

    @PostMapping(path = "/{id}/recipients", consumes = {MediaType.APPLICATION_NDJSON_VALUE, TEXT_CSV})
    Mono<UploadResult> upload(@RequestAttribute(TenantAttribute.NAME) String tenantId, @PathVariable String id,
                              @RequestParam(defaultValue = "false") boolean skipInvalid, ServerHttpRequest request) {
        boolean csv = MediaType.parseMediaType(TEXT_CSV).isCompatibleWith(request.getHeaders().getContentType());
        Flux<String> lines = LINES.decode(request.getBody(), ResolvableType.forClass(String.class), null, null);
        return drafts.upload(tenantId, id, RecipientLines.rows(lines, csv), skipInvalid);
    }

    @PostMapping("/{id}/launch")
    Mono<CampaignView> launch(@RequestAttribute(TenantAttribute.NAME) String tenantId, @PathVariable String id) {
        return launch.launch(tenantId, id).then(campaigns.find(tenantId, id));
    }

    @PostMapping("/{id}/cancel")
    Mono<CampaignCommands.Cancelled> cancel(@RequestAttribute(TenantAttribute.NAME) String tenantId, @PathVariable String id) {
        return commands.cancel(tenantId, id);
    }

    @PostMapping("/{id}/retry-failed")
    Mono<CampaignCommands.Retried> retryFailed(@RequestAttribute(TenantAttribute.NAME) String tenantId, @PathVariable String id) {
        return commands.retryFailed(tenantId, id);
    }

    @PostMapping("/{id}/pause")
    Mono<CampaignView> pause(@RequestAttribute(TenantAttribute.NAME) String tenantId, @PathVariable String id) {
        return commands.pause(tenantId, id).then(campaigns.find(tenantId, id));
    }

    @PostMapping("/{id}/resume")
    Mono<CampaignView> resume(@RequestAttribute(TenantAttribute.NAME) String tenantId, @PathVariable String id) {
        return commands.resume(tenantId, id).then(campaigns.find(tenantId, id));
    }
}
