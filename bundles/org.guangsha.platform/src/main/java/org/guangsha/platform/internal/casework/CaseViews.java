package org.guangsha.platform.internal.casework;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.guangsha.platform.casework.CaseEvent;
import org.guangsha.platform.casework.CaseRecord;
import org.guangsha.platform.casework.CaseStatus;
import org.guangsha.platform.casework.CaseType;
import org.guangsha.platform.i18n.LocalizedText;
import org.guangsha.platform.identity.Masking;
import org.guangsha.platform.identity.Region;
import org.guangsha.platform.identity.Regions;
import org.guangsha.platform.internal.identity.AccountEntity;
import org.guangsha.platform.internal.rest.RestSupport;

/** How cases look over REST, to their applicant and to caseworkers. */
final class CaseViews {

    /** A case with its timeline. */
    public record CaseView(
            String id,
            String number,
            String typeId,
            LocalizedText typeName,
            CaseStatus status,
            LocalizedText statusText,
            int level,
            LocalizedText levelName,
            String regionCode,
            LocalizedText regionName,
            String channel,
            String applicantName,
            long version,
            OffsetDateTime createdAt,
            OffsetDateTime submittedAt,
            OffsetDateTime closedAt,
            List<EventView> timeline) {}

    /** A timeline entry; {@code actor} is masked for citizens. */
    public record EventView(
            String type,
            OffsetDateTime at,
            String actor,
            CaseStatus status,
            int level,
            String remark,
            Map<String, String> fieldRemarks) {}

    private CaseViews() {}

    static CaseView of(
            CaseRecord c,
            List<CaseEvent> timeline,
            CaseStore cases,
            Regions regions,
            boolean forStaff) {
        LocalizedText typeName =
                cases.type(c.typeId())
                        .map(CaseType::name)
                        .orElse(LocalizedText.of(c.typeId(), null));
        // a timeline names the same few people again and again: look each up once
        Map<String, Optional<AccountEntity>> people = new HashMap<>();
        Function<String, Optional<AccountEntity>> person =
                id -> people.computeIfAbsent(id, cases::account);
        String applicant =
                person.apply(c.applicantId())
                        .map(a -> forStaff ? a.name() : Masking.name(a.name()))
                        .orElse(null);
        return new CaseView(
                c.id(),
                c.number(),
                c.typeId(),
                typeName,
                c.status(),
                LocalizedText.of(CaseStore.statusZh(c.status()), c.status().name()),
                c.level(),
                cases.levelName(c),
                c.regionCode(),
                regions.region(c.regionCode()).map(Region::name).orElse(null),
                c.channel().name(),
                applicant,
                c.version(),
                RestSupport.cityTime(c.createdAt()),
                RestSupport.cityTime(c.submittedAt()),
                RestSupport.cityTime(c.closedAt()),
                timeline == null
                        ? null
                        : timeline.stream()
                                .map(e -> event(e, c.applicantId(), person, forStaff))
                                .toList());
    }

    private static EventView event(
            CaseEvent e,
            String applicantId,
            Function<String, Optional<AccountEntity>> person,
            boolean forStaff) {
        String actor;
        if (e.actorId() == null) {
            actor = "系统";
        } else if (e.actorId().equals(applicantId)) {
            actor =
                    forStaff
                            ? person.apply(applicantId).map(AccountEntity::name).orElse(null)
                            : "本人";
        } else {
            actor =
                    person.apply(e.actorId())
                            .map(
                                    a ->
                                            forStaff
                                                    ? a.name() + "（" + a.username() + "）"
                                                    : "工作人员 " + Masking.name(a.name()))
                            .orElse(null);
        }
        return new EventView(
                e.type(),
                RestSupport.cityTime(e.at()),
                actor,
                e.status(),
                e.level(),
                e.remark(),
                e.fieldRemarks());
    }
}
