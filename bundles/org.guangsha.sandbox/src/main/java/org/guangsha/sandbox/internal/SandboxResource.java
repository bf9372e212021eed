package org.guangsha.sandbox.internal;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import org.guangsha.platform.rest.GuangshaRest;
import org.guangsha.platform.rest.ProblemException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code /api/sandbox}: what the simulators let a demo or a test see. The path exists only while
 * the {@code guangsha-sandbox} feature is installed.
 */
@Component(service = SandboxResource.class)
@JaxrsResource
@JaxrsApplicationSelect(GuangshaRest.APPLICATION_SELECT)
@JSONRequired
@Path("sandbox")
@Produces(MediaType.APPLICATION_JSON)
public class SandboxResource {

    /** A captcha's answer. */
    public record CaptchaAnswer(String id, String answer, boolean simulated) {}

    private final SandboxCaptchaAnswers captchas;

    /** Built by DS. */
    @Activate
    public SandboxResource(@Reference SandboxCaptchaAnswers captchas) {
        this.captchas = captchas;
    }

    /** The answer of captcha {@code id} (sandbox only: lets demos and tests log in). */
    @GET
    @Path("captcha/{id}")
    public CaptchaAnswer captcha(@PathParam("id") String id) {
        return captchas.answer(id)
                .map(a -> new CaptchaAnswer(id, a, true))
                .orElseThrow(() -> ProblemException.notFound("沙箱中没有该验证码（unknown captcha）"));
    }
}
