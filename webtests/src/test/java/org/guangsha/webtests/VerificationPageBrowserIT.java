package org.guangsha.webtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The public page a document's QR code leads to, {@code /verify/{number}}, on a phone. */
class VerificationPageBrowserIT extends BrowserTestSupport {

    /** 18-character resident ID numbers (17 digits and a check character). */
    private static final Pattern ID_NUMBER = Pattern.compile("\\d{17}[\\dXx]");

    @Test
    void unknownNumberSaysNotFoundWithoutAnyIdNumber() {
        Browser phone = phone();
        // The page answers 404 on purpose; Chrome reports that in the console as a failed load.
        phone.allowConsoleError("/verify/GS00000000-NOTEXIST - .*status of 404");

        phone.open("/verify/GS00000000-NOTEXIST");

        phone.waitForText(By.tagName("h1"), "未找到该文书");
        String text = phone.text();
        assertTrue(text.contains("GS00000000-NOTEXIST"), text);
        assertFalse(ID_NUMBER.matcher(phone.driver().getPageSource()).find(), text);
        assertTrue(phone.driver().getTitle().startsWith("未找到该文书"), phone.driver().getTitle());
        // laid out for the phone it is scanned with
        assertEquals(390L, phone.script("return window.innerWidth;"));
        assertFalse(phone.scrollsSideways(), "the page scrolls sideways on a phone");
        screenshot("verify-not-found-phone");
    }
}
