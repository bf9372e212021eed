package org.guangsha.sandbox.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.guangsha.platform.document.SigningFlow;
import org.guangsha.platform.document.SigningRequest;
import org.guangsha.platform.document.SigningService;
import org.guangsha.platform.identity.Caller;
import org.guangsha.platform.identity.RequiresTrustLevel;
import org.guangsha.platform.identity.TrustLevel;
import org.guangsha.platform.rest.GuangshaRest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code POST /api/sandbox/signing}: starts a demo signing of the generic lease contract for the
 * logged-in citizen, filled with sample data marked 沙箱演示, so the ceremony (P-3) can be tried before
 * any business line starts real ones. The answer's {@code id} is walked through {@code
 * /api/signing/{id}}.
 */
@Component(service = SandboxSigningResource.class)
@JaxrsResource
@JaxrsApplicationSelect(GuangshaRest.APPLICATION_SELECT)
@JSONRequired
@Path("sandbox/signing")
@Produces(MediaType.APPLICATION_JSON)
public class SandboxSigningResource {

    static final String COMMITMENT =
            "本人承诺：所提供的家庭成员、收入、住房等信息真实、准确、完整；签约后按时缴纳租金，"
                    + "不转租、转借、擅自调换或改变房屋用途；如有违反，愿按合同约定承担责任。"
                    + "（沙箱演示）";

    private final SigningService signing;

    /** Built by DS. */
    @Activate
    public SandboxSigningResource(@Reference SigningService signing) {
        this.signing = signing;
    }

    /** Starts a demo ceremony with 10-second countdowns. */
    @POST
    @RequiresTrustLevel(TrustLevel.L1)
    public Response start(@Context SecurityContext security) {
        Caller caller = (Caller) security.getUserPrincipal();
        SigningFlow flow =
                signing.start(
                        new SigningRequest(
                                "sandbox",
                                "demo",
                                caller.accountId(),
                                "lease-contract",
                                sampleLease(LocalDate.now()),
                                "tenant",
                                COMMITMENT,
                                Duration.ofSeconds(10),
                                Duration.ofSeconds(10),
                                null,
                                null));
        return Response.status(201)
                .entity(Map.of("id", flow.id(), "step", flow.step(), "sandbox", true))
                .build();
    }

    static Map<String, String> sampleLease(LocalDate today) {
        Map<String, String> v = new HashMap<>();
        v.put("contractNumber", "SANDBOX-" + today);
        v.put("lessorName", "沙箱住房保障中心（演示）");
        v.put("lessorIdNumber", "12440300SANDBOX000");
        v.put("lessorPhone", "0755-00000000");
        v.put("tenantName", "沙箱演示承租人");
        v.put("tenantIdNumber", "（演示）");
        v.put("tenantPhone", "（演示）");
        v.put("cityName", "广厦示范城市");
        v.put("projectName", "沙箱家园（演示）");
        v.put("dwellingAddress", "示范区示范路1号");
        v.put("building", "1");
        v.put("unit", "1");
        v.put("room", "101");
        v.put("floorArea", "58.60");
        v.put("monthlyRent", "1,200.00");
        v.put("deposit", "2,400.00");
        v.put("termFrom", today.toString());
        v.put("termTo", today.plusYears(3).minusDays(1).toString());
        v.put("wechatPayment", "微信扫码支付（沙箱模拟）");
        v.put("coResidents", "无");
        v.put("paymentDay", "5");
        v.put("signedAt", "线上签约（沙箱演示）");
        return v;
    }
}
