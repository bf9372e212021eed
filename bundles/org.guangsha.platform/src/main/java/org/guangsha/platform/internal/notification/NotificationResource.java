package org.guangsha.platform.internal.notification;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.OffsetDateTime;
import java.util.List;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.guangsha.platform.i18n.LocalizedText;
import org.guangsha.platform.identity.RequiresTrustLevel;
import org.guangsha.platform.identity.TrustLevel;
import org.guangsha.platform.internal.rest.Paging;
import org.guangsha.platform.internal.rest.RestSupport;
import org.guangsha.platform.rest.GuangshaRest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code /api/notifications}: the caller's in-app inbox (站内消息), newest first, and marking messages
 * read. Every account sees only its own messages; another's answers 404.
 */
@Component(service = NotificationResource.class)
@JaxrsResource
@JaxrsApplicationSelect(GuangshaRest.APPLICATION_SELECT)
@JSONRequired
@Path("notifications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "notifications", description = "站内消息 / In-app notifications")
public class NotificationResource {

    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 100;

    /** A message as its owner sees it; times in the city's zone. */
    public record MessageView(
            String id,
            String category,
            LocalizedText title,
            LocalizedText body,
            String link,
            OffsetDateTime createdAt,
            OffsetDateTime readAt,
            boolean read) {

        static MessageView of(NotificationCenter.Message m) {
            return new MessageView(
                    m.id(),
                    m.category(),
                    m.title(),
                    m.body(),
                    m.link(),
                    RestSupport.cityTime(m.createdAt()),
                    RestSupport.cityTime(m.readAt()),
                    m.readAt() != null);
        }
    }

    /** Answer of {@code GET /api/notifications}. */
    public record InboxView(
            List<MessageView> items, int page, int size, long total, long unreadCount) {}

    /** Answer of {@code POST /api/notifications/read-all}. */
    public record ReadAllView(int marked) {}

    private final NotificationCenter center;

    /** Built by DS. */
    @Activate
    public NotificationResource(@Reference NotificationCenter center) {
        this.center = center;
    }

    /** My messages, newest first; {@code unread=true} for the unread ones only. */
    @GET
    @RequiresTrustLevel(TrustLevel.L1)
    @Operation(summary = "我的消息 / My notifications")
    public Response inbox(
            @QueryParam("unread") boolean unread,
            @QueryParam("page") String page,
            @QueryParam("size") String size,
            @Context SecurityContext security) {
        Paging paging = Paging.of(page, size, DEFAULT_SIZE, MAX_SIZE);
        NotificationCenter.Inbox inbox =
                center.inbox(
                        RestSupport.caller(security).accountId(),
                        unread,
                        paging.offset(),
                        paging.size());
        return Response.ok(
                        new InboxView(
                                inbox.items().stream().map(MessageView::of).toList(),
                                paging.page(),
                                paging.size(),
                                inbox.total(),
                                inbox.unreadCount()))
                .cacheControl(RestSupport.noStore())
                .build();
    }

    /** Marks one of my messages read (reading it again keeps the first time). */
    @POST
    @Path("{id}/read")
    @RequiresTrustLevel(TrustLevel.L1)
    @Operation(summary = "标记为已读 / Mark a notification read")
    public MessageView read(@PathParam("id") String id, @Context SecurityContext security) {
        return MessageView.of(center.markRead(RestSupport.caller(security).accountId(), id));
    }

    /** Marks all my messages read; how many were unread. */
    @POST
    @Path("read-all")
    @RequiresTrustLevel(TrustLevel.L1)
    @Operation(summary = "全部标记为已读 / Mark all notifications read")
    public ReadAllView readAll(@Context SecurityContext security) {
        return new ReadAllView(center.markAllRead(RestSupport.caller(security).accountId()));
    }
}
