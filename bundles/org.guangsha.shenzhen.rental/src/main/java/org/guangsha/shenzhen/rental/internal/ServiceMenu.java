package org.guangsha.shenzhen.rental.internal;

import java.util.ArrayList;
import java.util.List;
import org.guangsha.platform.i18n.LocalizedText;
import org.guangsha.platform.identity.AccountKind;
import org.guangsha.shenzhen.rental.internal.Views.Service;

/**
 * The service menu of the personal page (SZ-1, seed 000 §4: "右侧是功能菜单栏"): every service of the line
 * with its page, and whether the caller can use it now. A service whose pages and REST are not
 * built yet says so ({@link #NOT_YET}) rather than leading nowhere.
 *
 * <p>When a service lands, set its {@code built} to true here in the same commit (and keep its
 * {@code path}: the portal route its main.js entry serves).
 */
public final class ServiceMenu {

    /** The reason of a service not built yet. */
    static final LocalizedText NOT_YET =
            LocalizedText.of("该服务尚未开通", "This service is not available yet");

    /** Without an active lease. */
    static final LocalizedText NO_LEASE =
            LocalizedText.of("您目前没有有效的租赁合同", "You have no active lease");

    /**
     * One service.
     *
     * @param kind who it is for
     * @param built whether its pages and REST exist
     * @param needsLease whether it needs an active lease
     */
    record Entry(
            String id,
            LocalizedText name,
            String rule,
            String path,
            AccountKind kind,
            boolean built,
            boolean needsLease) {}

    static final List<Entry> ENTRIES =
            List.of(
                    new Entry(
                            "renewal",
                            LocalizedText.of("个人租赁合同续签", "Lease renewal"),
                            "SZ-2",
                            "renewal",
                            AccountKind.CITIZEN,
                            true,
                            true),
                    new Entry(
                            "economic-check",
                            LocalizedText.of("经济状况核对", "Income and asset check"),
                            "SZ-2a",
                            "economic-check",
                            AccountKind.CITIZEN,
                            true,
                            true),
                    new Entry(
                            "signing",
                            LocalizedText.of("个人租赁合同签订", "Lease signing"),
                            "SZ-2c",
                            "signing",
                            AccountKind.CITIZEN,
                            true,
                            true),
                    new Entry(
                            "changes",
                            LocalizedText.of("个人租后信息变更", "Changes after renting"),
                            "SZ-3",
                            "changes",
                            AccountKind.CITIZEN,
                            true,
                            true),
                    new Entry(
                            "rent",
                            LocalizedText.of("微信扫码交租", "Pay rent by WeChat QR"),
                            "SZ-4",
                            "rent",
                            null,
                            true,
                            true),
                    new Entry(
                            "employer-changes",
                            LocalizedText.of("单位住房承租信息变更", "Employer housing changes"),
                            "SZ-5",
                            "employer-changes",
                            AccountKind.ORGANIZATION,
                            true,
                            true),
                    new Entry(
                            "records",
                            LocalizedText.of("政策性住房信息查询", "Policy-housing record"),
                            "SZ-6",
                            "records",
                            AccountKind.CITIZEN,
                            true,
                            false),
                    new Entry(
                            "property-shares",
                            LocalizedText.of("安居房产权份额打印", "Property-share print"),
                            "SZ-7",
                            "property-shares",
                            AccountKind.CITIZEN,
                            true,
                            false),
                    new Entry(
                            "powers-of-attorney",
                            LocalizedText.of("授权委托书打印", "Power-of-attorney print"),
                            "SZ-8",
                            "powers-of-attorney",
                            AccountKind.CITIZEN,
                            true,
                            false));

    private ServiceMenu() {}

    /** The menu for a kind of account, given whether it holds an active lease. */
    static List<Service> menu(AccountKind kind, boolean activeLease) {
        List<Service> menu = new ArrayList<>();
        for (Entry e : ENTRIES) {
            if (e.kind() != null && e.kind() != kind) {
                continue;
            }
            LocalizedText reason = null;
            if (!e.built()) {
                reason = NOT_YET;
            } else if (e.needsLease() && !activeLease) {
                reason = NO_LEASE;
            }
            menu.add(new Service(e.id(), e.name(), e.rule(), e.path(), reason == null, reason));
        }
        return menu;
    }
}
