package org.guangsha.shenzhen.rental.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import org.guangsha.platform.i18n.LocalizedText;
import org.guangsha.platform.identity.AccountKind;
import org.guangsha.platform.identity.Caller;
import org.guangsha.platform.identity.Masking;
import org.guangsha.platform.identity.ResidentIdNumber;
import org.guangsha.platform.persistence.JpaTransactions;
import org.guangsha.platform.persistence.Schema;
import org.guangsha.shenzhen.rental.internal.Views.HomeLease;
import org.guangsha.shenzhen.rental.internal.Views.HomeView;
import org.guangsha.shenzhen.rental.internal.Views.Me;
import org.guangsha.shenzhen.rental.internal.Views.RankAt;
import org.guangsha.shenzhen.rental.internal.Views.ResidentView;
import org.guangsha.shenzhen.rental.internal.Views.Waiting;
import org.guangsha.shenzhen.rental.internal.store.HomeEntity;
import org.guangsha.shenzhen.rental.internal.store.LeaseEntity;
import org.guangsha.shenzhen.rental.internal.store.ResidentEntity;
import org.guangsha.shenzhen.rental.internal.store.WaitingRankEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The personal page (个人服务页, SZ-1): the homes the caller rents now, with whoever lives there (names
 * and ID numbers masked: the page is often shown on a counter's screen), the caller's ranks on the
 * 安居房 and 公租房 waiting lists with how they moved, and the service menu.
 */
@Component(service = PersonalPage.class)
public class PersonalPage {

    /** The waiting lists, in the order shown. */
    static final List<String> LISTS = List.of("ANJU", "GONGZU");

    static final Map<String, LocalizedText> LIST_NAMES =
            Map.of(
                    "ANJU", LocalizedText.of("安居房轮候排名", "Affordable housing (安居房) waiting list"),
                    "GONGZU", LocalizedText.of("公租房轮候排名", "Public rental (公租房) waiting list"));

    static final Map<String, LocalizedText> POLICIES =
            Map.of(
                    "OLD", LocalizedText.of("原政策", "Old policy"),
                    "NEW", LocalizedText.of("新政策", "New policy"));

    private final JpaTransactions tx;
    private final Lessees lessees;

    /** Built by DS. */
    @Activate
    public PersonalPage(
            @Reference(target = "(osgi.unit.name=guangsha-shenzhen-rental)")
                    EntityManagerFactory emf,
            @Reference(target = "(" + Schema.MODULE_PROPERTY + "=shenzhen-rental)") Schema schema,
            @Reference Lessees lessees) {
        this(new JpaTransactions(emf), lessees);
    }

    /** For tests. */
    public PersonalPage(JpaTransactions tx, Lessees lessees) {
        this.tx = tx;
        this.lessees = lessees;
    }

    /** The caller's page. */
    public Me me(Caller caller) {
        List<LeaseEntity> active =
                lessees.leases(caller).stream().filter(l -> "ACTIVE".equals(l.status())).toList();
        Optional<String> idNumber = lessees.verifiedIdNumber(caller);
        return tx.read(
                em -> {
                    List<HomeLease> homes = new ArrayList<>();
                    for (LeaseEntity l : active) {
                        homes.add(home(em, l));
                    }
                    List<Waiting> waiting =
                            caller.kind() == AccountKind.CITIZEN
                                    ? waiting(em, idNumber.orElse(null))
                                    : List.of();
                    return new Me(
                            caller.kind().name(),
                            homes,
                            waiting,
                            ServiceMenu.menu(caller.kind(), !active.isEmpty()));
                });
    }

    private static HomeLease home(EntityManager em, LeaseEntity l) {
        HomeEntity h = em.find(HomeEntity.class, l.homeId());
        List<ResidentEntity> people =
                em.createQuery(
                                "select r from ResidentEntity r where r.leaseId = :id order by r.position",
                                ResidentEntity.class)
                        .setParameter("id", l.id())
                        .getResultList();
        List<ResidentView> residents = new ArrayList<>();
        for (ResidentEntity r : people) {
            residents.add(
                    new ResidentView(
                            r.id(),
                            r.role(),
                            Masking.name(r.name()),
                            ResidentIdNumber.mask(r.idNumber()),
                            r.relation(),
                            r.occupantId()));
        }
        HomeView where =
                h == null
                        ? null
                        : new HomeView(
                                h.homeCode(),
                                h.project(),
                                h.building(),
                                h.room(),
                                h.address(),
                                h.districtCode(),
                                h.areaM2(),
                                h.layout());
        return new HomeLease(
                l.id(),
                l.leaseNo(),
                where,
                l.lesseeName(),
                l.policy(),
                POLICIES.get(l.policy()),
                l.startDate(),
                l.endDate(),
                l.rentFen(),
                l.status(),
                residents);
    }

    /** Both lists; a list the person is not on has a null rank and no history. */
    static List<Waiting> waiting(EntityManager em, String idNumber) {
        Map<String, List<RankAt>> history = new HashMap<>();
        if (idNumber != null) {
            for (WaitingRankEntity w :
                    em.createQuery(
                                    "select w from WaitingRankEntity w where w.idNumber = :id order by w.asOf",
                                    WaitingRankEntity.class)
                            .setParameter("id", idNumber)
                            .getResultList()) {
                history.computeIfAbsent(w.listType(), k -> new ArrayList<>())
                        .add(new RankAt(w.rankNo(), w.asOf()));
            }
        }
        List<Waiting> lists = new ArrayList<>();
        for (String list : LISTS) {
            lists.add(waiting(list, history.getOrDefault(list, List.of())));
        }
        return lists;
    }

    /** A list's latest rank and how it moved since the row before (positive: moved up). */
    static Waiting waiting(String list, List<RankAt> rows) {
        List<RankAt> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing(RankAt::asOf));
        if (sorted.isEmpty()) {
            return new Waiting(list, LIST_NAMES.get(list), null, null, null, List.of());
        }
        RankAt last = sorted.get(sorted.size() - 1);
        Integer change =
                sorted.size() < 2 ? null : sorted.get(sorted.size() - 2).rank() - last.rank();
        return new Waiting(
                list, LIST_NAMES.get(list), last.rank(), last.asOf(), change, List.copyOf(sorted));
    }
}
