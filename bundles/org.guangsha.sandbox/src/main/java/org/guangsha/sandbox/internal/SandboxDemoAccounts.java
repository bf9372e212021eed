package org.guangsha.sandbox.internal;

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
    static final String PASSWORD = "Demo#2026guangsha";

    private static final Logger LOG = LoggerFactory.getLogger(SandboxDemoAccounts.class);

    /** Creates the demo accounts. */
    @Activate
    public SandboxDemoAccounts(@Reference AccountAdministration accounts) {
        // Made-up people; the ID numbers carry valid check digits.
        accounts.ensureCitizen("张三", "440304199001011233", "13800000001", PASSWORD, TrustLevel.L1);
        accounts.ensureCitizen("李四", "440305198505054327", "13800000002", PASSWORD, TrustLevel.L2);
        LOG.warn("SANDBOX demo citizens present: 13800000001 (L1), 13800000002 (L2)");
    }
}
