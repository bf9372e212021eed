package org.guangsha.sandbox.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.guangsha.platform.identity.AccountAdministration;
import org.guangsha.platform.identity.TrustLevel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Demo citizens for the sandbox, created once (an existing account is left alone). Their passwords
 * are published in the sandbox README: they exist only where the sandbox runs.
 */
@Component(immediate = true)
public class SandboxDemoAccounts {

    /** Password of every demo account. */
    static final String PASSWORD = "Demo@2026";

    private static final Logger LOG = LoggerFactory.getLogger(SandboxDemoAccounts.class);

    /**
     * Creates the demo accounts in the background, 5 seconds after start: password hashing is slow
     * on purpose and must not hold up the start of the platform.
     */
    @Activate
    public SandboxDemoAccounts(@Reference AccountAdministration accounts) {
        CompletableFuture.runAsync(
                        () -> {
                            // Made-up people and organization; every number carries a valid
                            // check digit.
                            accounts.ensureCitizen(
                                    "张三",
                                    "440304199001011233",
                                    "13800000001",
                                    PASSWORD,
                                    TrustLevel.L2);
                            accounts.ensureCitizen(
                                    "李四",
                                    "440305198505054327",
                                    "13800000002",
                                    PASSWORD,
                                    TrustLevel.L1);
                            accounts.ensureOrganization(
                                    "沙箱示范科技有限公司",
                                    "91440300MA5G20260T",
                                    "王五",
                                    "440304198001011239",
                                    "13800000003",
                                    PASSWORD);
                            accounts.ensureStaff(
                                    "futian-district", "福田区审核员", "CASEWORKER", "440304", PASSWORD);
                            // the demo organization's three homes are in Nanshan
                            accounts.ensureStaff(
                                    "nanshan-district", "南山区审核员", "CASEWORKER", "440305", PASSWORD);
                            accounts.ensureStaff(
                                    "shenzhen-city", "深圳市审核员", "CASEWORKER", "440300", PASSWORD);
                            accounts.ensureStaff(
                                    "donghu-county", "东湖区审核员", "CASEWORKER", "360102", PASSWORD);
                            accounts.ensureStaff(
                                    "nanchang-city", "南昌市审核员", "CASEWORKER", "360100", PASSWORD);
                            accounts.ensureStaff("operator", "平台运维", "OPERATOR", null, PASSWORD);
                        },
                        // after start-up: nine password hashes would otherwise compete with it
                        CompletableFuture.delayedExecutor(5, TimeUnit.SECONDS))
                .whenComplete(
                        (done, failure) -> {
                            if (failure == null) {
                                LOG.warn(
                                        "SANDBOX demo accounts present (password {}): citizens"
                                                + " 13800000001 (L2), 13800000002 (L1);"
                                                + " organization 91440300MA5G20260T; caseworkers"
                                                + " futian-district, nanshan-district, shenzhen-city,"
                                                + " donghu-county, nanchang-city; operator"
                                                + " operator",
                                        PASSWORD);
                            } else {
                                LOG.error("SANDBOX demo accounts could not be created", failure);
                            }
                        });
    }
}
