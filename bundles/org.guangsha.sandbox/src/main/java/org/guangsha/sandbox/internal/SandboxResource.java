package org.guangsha.sandbox.internal;

import java.util.List;
import java.util.Map;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import org.guangsha.platform.identity.FaceSessions;
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

    /** What the simulated phone page sends. */
    public record FaceResult(String secret, boolean passed) {}

    private final SandboxCaptchaAnswers captchas;
    private final FaceSessions faces;
    private final SandboxSmsOutbox sms;

    /** Built by DS. */
    @Activate
    public SandboxResource(
            @Reference SandboxCaptchaAnswers captchas,
            @Reference FaceSessions faces,
            @Reference SandboxSmsOutbox sms) {
        this.captchas = captchas;
        this.faces = faces;
        this.sms = sms;
    }

    /** The simulated SMS outbox of one mobile, newest first. */
    @GET
    @Path("sms/{mobile}")
    public List<SandboxSmsOutbox.Message> sms(@PathParam("mobile") String mobile) {
        return sms.to(mobile);
    }

    /**
     * The outbox page: the newest 50 simulated text messages, codes readable, for demos (a mobile
     * number can be given as {@code ?mobile=}).
     */
    @GET
    @Path("outbox")
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    public String outboxPage(@QueryParam("mobile") String mobile) {
        List<SandboxSmsOutbox.Message> messages =
                mobile == null || mobile.isBlank() ? sms.recent(50) : sms.to(mobile.strip());
        StringBuilder rows = new StringBuilder();
        for (SandboxSmsOutbox.Message m : messages) {
            rows.append("<tr><td>")
                    .append(SandboxPayPage.escape(m.mobile()))
                    .append("</td><td>")
                    .append(SandboxPayPage.escape(m.text()))
                    .append("</td><td>")
                    .append(
                            m.sentAt()
                                    .atZone(java.time.ZoneId.of("Asia/Shanghai"))
                                    .toLocalTime()
                                    .withNano(0))
                    .append("</td></tr>");
        }
        return OUTBOX_PAGE.replace(
                "{{rows}}", rows.length() == 0 ? "<tr><td colspan=3>（空 empty）</td></tr>" : rows);
    }

    private static final String OUTBOX_PAGE =
            """
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="UTF-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="refresh" content="5">
            <title>短信发件箱（沙箱模拟）</title>
            <style>
            body{font:18px/1.6 sans-serif;margin:0;padding:16px}
            .warn{background:#fef3c7;border:2px solid #b45309;padding:12px;border-radius:8px}
            table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:8px;text-align:left}
            </style></head><body>
            <p class="warn"><strong>沙箱模拟 SANDBOX SIMULATION</strong><br>
            这些短信没有发送到任何手机，仅供演示和测试。<br>No message here reached any phone.</p>
            <h1>短信发件箱 SMS outbox</h1>
            <table><tr><th>手机号 Mobile</th><th>内容 Text</th><th>时间 Time</th></tr>{{rows}}</table>
            </body></html>
            """;

    /** The simulated phone page a face session's QR code leads to. */
    @GET
    @Path("face/{id}")
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    public String facePage(@PathParam("id") String id, @QueryParam("k") String secret) {
        if (id == null
                || !id.matches("[0-9a-f-]{36}")
                || secret == null
                || !secret.matches("[A-Za-z0-9_-]{10,64}")) {
            throw ProblemException.notFound(null);
        }
        return FACE_PAGE.replace("{{id}}", id).replace("{{secret}}", secret);
    }

    /** The phone page's result: completes the face session (sandbox only). */
    @POST
    @Path("face/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> faceResult(@PathParam("id") String id, FaceResult result) {
        if (result == null || !faces.complete(id, result.secret(), result.passed())) {
            throw ProblemException.notFound("人脸识别会话不存在、已过期或已完成（unknown, expired or done）");
        }
        return Map.of("id", id, "passed", result.passed(), "simulated", true);
    }

    private static final String FACE_PAGE =
            """
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="UTF-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>人脸识别（沙箱模拟）</title>
            <style>
            body{font:18px/1.6 sans-serif;margin:0;padding:24px;text-align:center}
            .warn{background:#fef3c7;border:2px solid #b45309;padding:12px;border-radius:8px}
            button{font-size:20px;min-height:56px;width:100%;margin:12px 0;border-radius:8px}
            </style></head><body>
            <p class="warn"><strong>沙箱模拟 SANDBOX SIMULATION</strong><br>
            这不是真实的人脸识别，不会打开摄像头。<br>This is not a real face check; no camera is used.</p>
            <h1>人脸识别</h1>
            <div id="frame" style="width:180px;height:180px;margin:16px auto;border-radius:50%;
              border:6px dashed #2563eb">请正对屏幕<br>Face the screen</div>
            <button id="pass" type="button">模拟识别通过 / Simulate pass</button>
            <button id="fail" type="button">模拟识别失败 / Simulate failure</button>
            <p id="result" role="status" aria-live="polite"></p>
            <script>
            function send(passed){
              // pretends to scan for a moment, as the real page does while the camera works
              document.getElementById('result').textContent='正在识别… Scanning…';
              setTimeout(function(){post(passed)},1500);
            }
            function post(passed){
              fetch('/api/sandbox/face/{{id}}',{method:'POST',headers:{'Content-Type':'application/json'},
                body:JSON.stringify({secret:'{{secret}}',passed:passed})})
              .then(function(r){document.getElementById('result').textContent = r.ok
                ? (passed ? '已通过，请回到电脑页面 / Passed' : '未通过 / Failed')
                : '会话已失效 / Session expired or done';});
            }
            document.getElementById('pass').onclick=function(){send(true)};
            document.getElementById('fail').onclick=function(){send(false)};
            </script></body></html>
            """;

    /** The answer of captcha {@code id} (sandbox only: lets demos and tests log in). */
    @GET
    @Path("captcha/{id}")
    public CaptchaAnswer captcha(@PathParam("id") String id) {
        return captchas.answer(id)
                .map(a -> new CaptchaAnswer(id, a, true))
                .orElseThrow(() -> ProblemException.notFound("沙箱中没有该验证码（unknown captcha）"));
    }
}
