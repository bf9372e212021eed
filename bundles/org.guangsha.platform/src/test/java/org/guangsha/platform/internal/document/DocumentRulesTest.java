package org.guangsha.platform.internal.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import org.guangsha.platform.document.DocumentStatus;
import org.guangsha.platform.document.DocumentVerification;
import org.guangsha.platform.i18n.LocalizedText;
import org.junit.jupiter.api.Test;

/** Numbers, status by date (P-2), the public page's escaping and the commitment match (P-3). */
class DocumentRulesTest {

    @Test
    void numbersCarryTheDateAndCannotBeGuessed() {
        LocalDate day = LocalDate.of(2026, 11, 23);
        String a = DocumentIssuer.newNumber(day);
        assertTrue(a.matches("GS20261123-[0-9A-HJKMNP-TV-Z]{8}"), a);
        assertNotEquals(a, DocumentIssuer.newNumber(day));
    }

    @Test
    void aDocumentExpiresAfterItsLastValidDayAndRevocationWins() {
        LocalDate issued = LocalDate.of(2026, 11, 23);
        DocumentEntity d =
                new DocumentEntity(
                        "id",
                        "GS1",
                        "property-share",
                        LocalizedText.of("产权份额", "Share"),
                        "h",
                        "张*",
                        null,
                        null,
                        Instant.EPOCH,
                        issued,
                        issued.plusMonths(1),
                        "00",
                        1,
                        false);
        assertEquals(DocumentStatus.VALID, d.statusOn(issued.plusMonths(1)));
        assertEquals(DocumentStatus.EXPIRED, d.statusOn(issued.plusMonths(1).plusDays(1)));
        d.revoke(Instant.EPOCH, "staff", "错误");
        assertEquals(DocumentStatus.REVOKED, d.statusOn(issued));
    }

    @Test
    void thePublicPageEscapesAndShowsTheMaskedName() {
        String html =
                VerificationPage.details(
                        new DocumentVerification(
                                "GS1<script>",
                                LocalizedText.of("授权委托书", "POA"),
                                LocalDate.of(2026, 1, 1),
                                null,
                                DocumentStatus.EXPIRED,
                                "张*",
                                true));
        assertFalse(html.contains("<script>"));
        assertTrue(html.contains("张*") && html.contains("已过期"));
    }

    @Test
    void aPastedCommitmentMayDifferInWhitespaceOnly() {
        assertEquals(
                SigningCeremony.normalized("本人承诺，\n信息真实。"),
                SigningCeremony.normalized(" 本人承诺，\u3000信息 真实。 "));
        assertNotEquals(
                SigningCeremony.normalized("本人承诺，信息真实。"), SigningCeremony.normalized("本人承诺，信息真实"));
    }
}
