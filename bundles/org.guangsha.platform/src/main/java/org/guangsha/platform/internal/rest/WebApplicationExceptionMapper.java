package org.guangsha.platform.internal.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import javax.ws.rs.ext.ExceptionMapper;
import org.guangsha.platform.rest.GuangshaRest;
import org.guangsha.platform.rest.Problem;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * Answers the JAX-RS runtime's own errors (unknown path, wrong method, unsupported media type,
 * unreadable body) with problem+json instead of the servlet container's HTML page.
 */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
@JaxrsName("guangsha.http-error-mapper")
@JaxrsApplicationSelect(GuangshaRest.APPLICATION_SELECT)
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context UriInfo uriInfo;

    @Override
    public Response toResponse(WebApplicationException exception) {
        if (exception.getCause() instanceof JsonProcessingException json) {
            return Problems.response(JsonProblems.of(json), uriInfo);
        }
        Response original = exception.getResponse();
        int status = original == null ? 500 : original.getStatus();
        Response response = Problems.response(problemFor(status), uriInfo);
        if (status == 405 && original.getHeaderString(HttpHeaders.ALLOW) != null) {
            return Response.fromResponse(response)
                    .header(HttpHeaders.ALLOW, original.getHeaderString(HttpHeaders.ALLOW))
                    .build();
        }
        return response;
    }

    static Problem problemFor(int status) {
        return switch (status) {
            case 400 -> problem("bad-request", "请求格式不正确", "Bad request", status);
            case 401 -> problem("unauthenticated", "请先登录", "Authentication required", status);
            case 403 -> problem("forbidden", "没有权限执行此操作", "Forbidden", status);
            case 404 -> problem("not-found", "找不到请求的资源", "Not found", status);
            case 405 -> problem("method-not-allowed", "不支持该请求方法", "Method not allowed", status);
            case 406 -> problem("not-acceptable", "无法提供所要求的响应格式", "Not acceptable", status);
            case 415 -> problem(
                    "unsupported-media-type", "不支持的请求内容类型", "Unsupported media type", status);
            default -> status >= 500
                    ? problem("server-error", "服务器内部错误，请稍后再试", "Internal server error", status)
                    : problem("http-" + status, "请求无法完成", "Request failed", status);
        };
    }

    private static Problem problem(String slug, String title, String titleEn, int status) {
        return new Problem(Problem.type(slug), title, titleEn, status, null, null, null);
    }
}
