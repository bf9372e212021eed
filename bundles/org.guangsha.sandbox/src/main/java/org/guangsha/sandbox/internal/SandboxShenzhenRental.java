package org.guangsha.sandbox.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.guangsha.platform.identity.ResidentIdNumber;
import org.guangsha.shenzhen.rental.data.ImportRejectedException;
import org.guangsha.shenzhen.rental.data.ImportSummary;
import org.guangsha.shenzhen.rental.data.RentalDataImport;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Demo data of the Shenzhen rental line (沙箱演示, made up), imported once through the line's own CSV
 * import when the line is installed (the component is not satisfied without it, so the sandbox
 * works as before): 张三 (440304199001011233) rents a home in Futian under the old policy with his
 * spouse, 1,260.00 yuan a month, and is ranked on both waiting lists with a year of history; the
 * demo organization (91440300MA5G20260T) rents three homes in Nanshan for its staff.
 *
 * <p>张三's lease starts on the first day of the month two months before the month of the first
 * start: with the rent billed monthly from the lease's first month, the two months before the
 * current one are unpaid (SZ-4 a: arrears first) while the current month is due. Restarts leave the
 * data alone (the import is skipped when the demo home exists), so the arrears grow as months pass,
 * as they would.
 */
@Component(immediate = true)
public class SandboxShenzhenRental {

    /** The demo home of 张三; present means imported. */
    static final String ZHANG_SAN_HOME = "SZDEMO-FT-0801";

    static final String ZHANG_SAN_LEASE = "SZDEMO-L-2026-0001";

    private static final Logger LOG = LoggerFactory.getLogger(SandboxShenzhenRental.class);

    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    /** Imports the demo data in the background, once. */
    @Activate
    public SandboxShenzhenRental(@Reference RentalDataImport rental) {
        CompletableFuture.runAsync(
                        () -> seed(rental, LocalDate.now(Clock.system(CITY))),
                        CompletableFuture.delayedExecutor(3, TimeUnit.SECONDS))
                .whenComplete(
                        (done, failure) -> {
                            if (failure != null) {
                                LOG.error(
                                        "SANDBOX Shenzhen rental demo data could not be imported",
                                        failure);
                            }
                        });
    }

    static void seed(RentalDataImport rental, LocalDate today) {
        if (rental.homeExists(ZHANG_SAN_HOME)) {
            return;
        }
        try {
            ImportSummary s = rental.importFiles(files(today), null);
            LOG.warn(
                    "SANDBOX Shenzhen rental demo data imported: {} homes, {} leases, {} residents,"
                            + " {} waiting-list ranks (张三 440304199001011233, organization"
                            + " 91440300MA5G20260T)",
                    s.homes(),
                    s.leases(),
                    s.residents(),
                    s.waitingRanks());
        } catch (ImportRejectedException e) {
            // another node imported it at the same moment, or the data are wrong: the log says
            // which
            LOG.warn("SANDBOX Shenzhen rental demo data not imported: {}", e.getMessage());
        }
    }

    /** The demo files, dated from {@code today}. */
    static Map<String, byte[]> files(LocalDate today) {
        LocalDate start = today.withDayOfMonth(1).minusMonths(2);
        LocalDate end = start.plusYears(3).minusDays(1);
        LocalDate orgStart = today.withDayOfMonth(1).minusYears(1);
        LocalDate orgEnd = orgStart.plusYears(3).minusDays(1);
        String spouse = ResidentIdNumber.withCheckCharacter("44030419920315202");
        String child = ResidentIdNumber.withCheckCharacter("44030420180601301");
        String[] staff = {
            ResidentIdNumber.withCheckCharacter("44030519950101011"),
            ResidentIdNumber.withCheckCharacter("44030619960202023"),
            ResidentIdNumber.withCheckCharacter("44030719970303035")
        };
        String staffSpouse = ResidentIdNumber.withCheckCharacter("44030519960505042");
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(
                RentalDataImport.HOMES,
                csv(
                        "房屋编号,项目,栋,房号,地址,行政区划代码,面积(㎡),户型",
                        ZHANG_SAN_HOME
                                + ",福田沙箱安居苑（演示）,2栋,801,深圳市福田区沙箱路8号福田沙箱安居苑2栋801（沙箱演示）,440304,58.60,两房一厅",
                        "SZDEMO-NS-A1001,南山沙箱人才公寓（演示）,A座,1001,深圳市南山区演示大道66号南山沙箱人才公寓A座1001（沙箱演示）,440305,35.20,一房一厅",
                        "SZDEMO-NS-A1002,南山沙箱人才公寓（演示）,A座,1002,深圳市南山区演示大道66号南山沙箱人才公寓A座1002（沙箱演示）,440305,35.20,一房一厅",
                        "SZDEMO-NS-A1003,南山沙箱人才公寓（演示）,A座,1003,深圳市南山区演示大道66号南山沙箱人才公寓A座1003（沙箱演示）,440305,48.90,两房一厅"));
        files.put(
                RentalDataImport.LEASES,
                csv(
                        "合同编号,房屋编号,承租人类型,承租人,证件号码,婚姻状况,政策,起租日期,到期日期,月租金(元),状态",
                        ZHANG_SAN_LEASE
                                + ","
                                + ZHANG_SAN_HOME
                                + ",个人,张三,440304199001011233,已婚,原政策,"
                                + start
                                + ","
                                + end
                                + ",\"1,260.00\",有效",
                        "SZDEMO-L-ORG-0001,SZDEMO-NS-A1001,单位,沙箱示范科技有限公司,91440300MA5G20260T,,新政策,"
                                + orgStart
                                + ","
                                + orgEnd
                                + ",980.00,有效",
                        "SZDEMO-L-ORG-0002,SZDEMO-NS-A1002,单位,沙箱示范科技有限公司,91440300MA5G20260T,,新政策,"
                                + orgStart
                                + ","
                                + orgEnd
                                + ",980.00,有效",
                        "SZDEMO-L-ORG-0003,SZDEMO-NS-A1003,单位,沙箱示范科技有限公司,91440300MA5G20260T,,新政策,"
                                + orgStart
                                + ","
                                + orgEnd
                                + ",\"1,350.50\",有效"));
        files.put(
                RentalDataImport.RESIDENTS,
                csv(
                        "合同编号,类型,姓名,身份证号码,关系,手机号码,入住人身份证号码",
                        ZHANG_SAN_LEASE + ",同住人,李梅," + spouse + ",配偶,13800000011,",
                        ZHANG_SAN_LEASE + ",同住人,张小宝," + child + ",子女,,",
                        "SZDEMO-L-ORG-0001,入住人,陈一," + staff[0] + ",员工,13800000021,",
                        "SZDEMO-L-ORG-0001,同住人,林一," + staffSpouse + ",配偶,," + staff[0],
                        "SZDEMO-L-ORG-0002,入住人,黄二," + staff[1] + ",员工,13800000022,",
                        "SZDEMO-L-ORG-0003,入住人,周三," + staff[2] + ",员工,13800000023,"));
        LocalDate month = today.withDayOfMonth(1);
        files.put(
                RentalDataImport.WAITING,
                csv(
                        "轮候类型,身份证号码,姓名,排名,日期",
                        "安居房,440304199001011233,张三,1520," + month.minusMonths(12),
                        "安居房,440304199001011233,张三,1388," + month.minusMonths(6),
                        "安居房,440304199001011233,张三,1203," + month.minusMonths(1),
                        "公租房,440304199001011233,张三,860," + month.minusMonths(12),
                        "公租房,440304199001011233,张三,742," + month.minusMonths(6),
                        "公租房,440304199001011233,张三,655," + month.minusMonths(1)));
        return files;
    }

    private static byte[] csv(String... lines) {
        // with the byte-order mark Excel writes, as an operator's file would have
        return ("\uFEFF" + String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }
}
