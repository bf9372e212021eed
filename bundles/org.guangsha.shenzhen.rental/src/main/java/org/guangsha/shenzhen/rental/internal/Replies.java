package org.guangsha.shenzhen.rental.internal;

import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.guangsha.platform.identity.Caller;
import org.guangsha.platform.rest.GuangshaRest;

/** What the line's resources answer with: personal data is never cached. */
public final class Replies {

    private Replies() {}

    /** The authenticated caller (every method of the line's resources requires one). */
    public static Caller caller(SecurityContext security) {
        return (Caller) security.getUserPrincipal();
    }

    /** 200 with the entity, not stored. */
    public static Response ok(Object entity) {
        return Response.ok(entity).cacheControl(GuangshaRest.noStore()).build();
    }

    /** 201 with the entity, not stored. */
    public static Response created(Object entity) {
        return Response.status(Response.Status.CREATED)
                .entity(entity)
                .cacheControl(GuangshaRest.noStore())
                .build();
    }
}
