package org.guangsha.platform.internal.notification;

import java.util.Optional;
import org.guangsha.platform.identity.Masking;
import org.guangsha.platform.identity.SmsSender;
import org.guangsha.platform.internal.identity.AccountEntity;
import org.guangsha.platform.internal.identity.AccountService;
import org.guangsha.platform.notification.Notification;
import org.guangsha.platform.notification.Notifier;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SMS channel: {@code 【广厦】<title>：<body>} (the Chinese texts) to the account's mobile, or an
 * organization's contact mobile, through the installed {@link SmsSender}. Without an SMS gateway
 * this component is not active, so there is no SMS channel at all; accounts without a mobile
 * (staff) get the inbox entry only.
 */
@Component(service = Notifier.class)
public class SmsNotifier implements Notifier {

    static final String CHANNEL = "sms";

    private static final Logger LOG = LoggerFactory.getLogger(SmsNotifier.class);

    private final SmsSender sms;
    private final AccountService accounts;

    /** Built by DS. */
    @Activate
    public SmsNotifier(@Reference SmsSender sms, @Reference AccountService accounts) {
        this.sms = sms;
        this.accounts = accounts;
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public void deliver(Notification notification) {
        Optional<String> mobile =
                accounts.account(notification.accountId()).map(SmsNotifier::mobileOf);
        if (mobile.isEmpty()) {
            LOG.debug("Account {} has no mobile; no SMS", notification.accountId());
            return;
        }
        sms.send(mobile.get(), text(notification));
        LOG.debug(
                "Notification {} sent by SMS to {}",
                notification.category(),
                Masking.mobile(mobile.get()));
    }

    /** The message as it goes out: {@code 【广厦】<title>：<body>}. */
    static String text(Notification n) {
        return "【广厦】" + n.title().zh() + "：" + n.body().zh();
    }

    private static String mobileOf(AccountEntity a) {
        String mobile = a.mobile() != null ? a.mobile() : a.contactMobile();
        return mobile == null || mobile.isBlank() ? null : mobile;
    }
}
