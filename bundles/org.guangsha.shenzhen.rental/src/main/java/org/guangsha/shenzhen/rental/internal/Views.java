package org.guangsha.shenzhen.rental.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.guangsha.platform.i18n.LocalizedText;

/** The JSON answers of the line's personal page (SZ-1). */
public final class Views {

    private Views() {}

    /**
     * {@code GET /api/shenzhen/rental/me}.
     *
     * @param kind {@code CITIZEN} or {@code ORGANIZATION}
     * @param homes the homes the caller rents now (active leases)
     * @param waiting the caller's ranks on the 安居房 and 公租房 lists (citizens; both lists, rank null
     *     when not on one)
     * @param services the service menu
     */
    public record Me(
            String kind, List<HomeLease> homes, List<Waiting> waiting, List<Service> services) {}

    /**
     * A home and its lease.
     *
     * @param lesseeName the lessee (the caller)
     * @param status {@code ACTIVE}
     */
    public record HomeLease(
            String leaseId,
            String leaseNo,
            HomeView home,
            String lesseeName,
            String policy,
            LocalizedText policyName,
            LocalDate startDate,
            LocalDate endDate,
            long rentFen,
            String status,
            List<ResidentView> residents) {}

    /** Where a home is. */
    public record HomeView(
            String homeCode,
            String project,
            String building,
            String room,
            String address,
            String districtCode,
            BigDecimal areaM2,
            String layout) {}

    /**
     * Someone living in the home, masked.
     *
     * @param role {@code CO_RESIDENT} (同住人) or {@code OCCUPANT} (入住人, an organization's)
     * @param occupantId for a co-resident of an organization's occupant, that occupant's {@code id}
     */
    public record ResidentView(
            String id,
            String role,
            String name,
            String idNumber,
            String relation,
            String occupantId) {}

    /**
     * A rank on a waiting list (轮候排名).
     *
     * @param listType {@code ANJU} (安居房) or {@code GONGZU} (公租房)
     * @param rank the latest rank, or null when not on the list
     * @param asOf its date
     * @param change how far the rank moved since the row before (positive: moved up), or null
     * @param history every dated rank, oldest first
     */
    public record Waiting(
            String listType,
            LocalizedText name,
            Integer rank,
            LocalDate asOf,
            Integer change,
            List<RankAt> history) {}

    /** A rank on a day. */
    public record RankAt(int rank, LocalDate asOf) {}

    /**
     * An entry of the service menu.
     *
     * @param id stable id
     * @param rule the DOMAIN.md rule
     * @param path the page in the portal: {@code #/m/shenzhen-rental/<path>}
     * @param available whether the caller can use it now
     * @param reason why not, when not
     */
    public record Service(
            String id,
            LocalizedText name,
            String rule,
            String path,
            boolean available,
            LocalizedText reason) {}

    /**
     * A labelled value of a review form, as the review console shows a line's form ({@code [{name,
     * label: {zh, en}, value}]}).
     *
     * @param name the field name (as the JSON of the form names it)
     * @param label its label
     * @param value its value, masked where personal
     */
    public record FormField(String name, LocalizedText label, String value) {}
}
