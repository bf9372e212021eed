package org.guangsha.shenzhen.rental.internal;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.guangsha.platform.casework.CaseRecord;
import org.guangsha.platform.casework.CaseService;
import org.guangsha.platform.casework.CaseStatus;
import org.guangsha.platform.casework.NewCase;

/**
 * Fakes of the core's services for the line's unit tests: an interface answered by method name, and
 * a case service keeping its cases in a map. A method a fake does not know throws, so a test
 * notices when the code under test starts calling something new.
 */
public final class CoreFakes {

    private CoreFakes() {}

    /** A fake of {@code type}: {@code body} answers by method name and arguments. */
    public static <T> T proxy(Class<T> type, BiFunction<String, Object[], Object> body) {
        return type.cast(
                Proxy.newProxyInstance(
                        CoreFakes.class.getClassLoader(),
                        new Class<?>[] {type},
                        (p, m, args) -> {
                            if (m.getDeclaringClass() == Object.class) {
                                return m.getName().equals("hashCode")
                                        ? System.identityHashCode(p)
                                        : m.getName().equals("equals")
                                                ? p == args[0]
                                                : type.getSimpleName() + " fake";
                            }
                            return body.apply(m.getName(), args);
                        }));
    }

    /**
     * A case service that creates cases (DRAFT, created at {@code now}) into {@code rows}, submits
     * them (SUBMITTED) and finds them.
     */
    public static CaseService cases(Map<String, CaseRecord> rows, Supplier<Instant> now) {
        return proxy(
                CaseService.class,
                (name, args) ->
                        switch (name) {
                            case "create" -> {
                                NewCase n = (NewCase) args[0];
                                String id = UUID.randomUUID().toString();
                                CaseRecord r =
                                        new CaseRecord(
                                                id,
                                                "SQ-" + id.substring(0, 6),
                                                n.typeId(),
                                                n.applicantId(),
                                                n.regionCode(),
                                                n.channel(),
                                                null,
                                                CaseStatus.DRAFT,
                                                0,
                                                null,
                                                1,
                                                now.get(),
                                                null,
                                                null);
                                rows.put(id, r);
                                yield r;
                            }
                            case "submit" -> {
                                CaseRecord s =
                                        withStatus(
                                                rows.get((String) args[0]), CaseStatus.SUBMITTED);
                                rows.put(s.id(), s);
                                yield s;
                            }
                            case "find" -> Optional.ofNullable(rows.get((String) args[0]));
                            default -> throw new UnsupportedOperationException(name);
                        });
    }

    /** The case moved to {@code status} at the first level, one version later. */
    public static CaseRecord withStatus(CaseRecord r, CaseStatus status) {
        return new CaseRecord(
                r.id(),
                r.number(),
                r.typeId(),
                r.applicantId(),
                r.regionCode(),
                r.channel(),
                r.filedBy(),
                status,
                1,
                null,
                r.version() + 1,
                r.createdAt(),
                r.submittedAt(),
                r.closedAt());
    }
}
