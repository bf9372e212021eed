package org.guangsha.platform.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import javax.ws.rs.BadRequestException;
import javax.ws.rs.NotAllowedException;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.core.Response;
import org.guangsha.platform.rest.FieldError;
import org.guangsha.platform.rest.Problem;
import org.guangsha.platform.rest.ProblemException;
import org.junit.jupiter.api.Test;

/** The error contract: every failure becomes problem+json naming what is wrong. */
class ErrorMappingTest {

    /** A request body as a business line would declare it. */
    record Applicant(String name, int familySize, List<Member> members) {}

    /** A nested part of it. */
    record Member(String idNumber) {}

    private final ObjectMapper mapper = JsonProvider.objectMapper();

    @Test
    void unknownFieldIsNamedWithItsPath() {
        Problem p =
                readProblem("{\"name\":\"张三\",\"members\":[{\"idNumber\":\"1\",\"phone\":\"x\"}]}");
        assertEquals("urn:guangsha:problem:validation", p.type());
        assertEquals(400, p.status());
        assertEquals("members[0].phone", p.errors().get(0).field());
        assertTrue(p.errors().get(0).message().startsWith("不认识的字段"));
    }

    @Test
    void wrongTypeIsNamed() {
        Problem p = readProblem("{\"name\":\"张三\",\"familySize\":\"three\"}");
        assertEquals("familySize", p.errors().get(0).field());
        assertEquals("Value has the wrong format", p.errors().get(0).messageEn());
    }

    @Test
    void nullForANumberIsNamed() {
        Problem p = readProblem("{\"name\":\"张三\",\"familySize\":null}");
        assertEquals("familySize", p.errors().get(0).field());
    }

    @Test
    void brokenJsonIsMalformedWithoutAField() {
        Problem p = readProblem("{\"name\": \"张三\",");
        assertEquals("urn:guangsha:problem:malformed-json", p.type());
        assertTrue(p.errors().isEmpty());
        assertTrue(p.title().startsWith("请求体"));
    }

    @Test
    void problemExceptionIsAnsweredAsItIs() {
        ProblemException e =
                ProblemException.invalidField("idNumber", "身份证号校验位错误", "Bad check digit");
        Response r = new ProblemExceptionMapper().toResponse(e);
        assertEquals(400, r.getStatus());
        assertEquals("application/problem+json;charset=UTF-8", r.getMediaType().toString());
        Problem body = (Problem) r.getEntity();
        assertEquals(
                List.of(new FieldError("idNumber", "身份证号校验位错误", "Bad check digit")), body.errors());
    }

    @Test
    void runtimeErrorsBecomeProblems() {
        Response notFound = new WebApplicationExceptionMapper().toResponse(new NotFoundException());
        assertEquals(404, notFound.getStatus());
        assertEquals("urn:guangsha:problem:not-found", ((Problem) notFound.getEntity()).type());

        Response notAllowed =
                new WebApplicationExceptionMapper()
                        .toResponse(new NotAllowedException("GET", new String[] {"HEAD"}));
        assertEquals(405, notAllowed.getStatus());
        assertTrue(notAllowed.getHeaderString("Allow").contains("GET"));
    }

    @Test
    void aBadRequestCausedByJsonNamesTheField() {
        JsonProcessingException cause = readFailure("{\"familySize\":\"x\"}");
        Response r = new WebApplicationExceptionMapper().toResponse(new BadRequestException(cause));
        assertEquals("familySize", ((Problem) r.getEntity()).errors().get(0).field());
    }

    @Test
    void unexpectedFailuresHideTheirDetails() {
        Response r =
                new UnexpectedExceptionMapper()
                        .toResponse(new IllegalStateException("password=secret"));
        Problem p = (Problem) r.getEntity();
        assertEquals(500, r.getStatus());
        assertFalse(p.detail().contains("secret"));
        assertTrue(p.detail().contains("incident"));
        assertNull(p.instance(), "no request, so no path");
    }

    @Test
    void everyProblemSerialisesWithChineseTitleFirstAndNoNulls() throws Exception {
        String json = mapper.writeValueAsString(readProblem("{\"familySize\":\"x\"}"));
        assertTrue(
                json.startsWith("{\"type\":\"urn:guangsha:problem:validation\",\"title\":\"提交"),
                json);
        assertFalse(json.contains("null"), json);
    }

    private Problem readProblem(String body) {
        return JsonProblems.of(readFailure(body));
    }

    private JsonProcessingException readFailure(String body) {
        try {
            mapper.readValue(body, Applicant.class);
        } catch (JsonProcessingException e) {
            return e;
        }
        throw new AssertionError("expected a failure for " + body);
    }
}
