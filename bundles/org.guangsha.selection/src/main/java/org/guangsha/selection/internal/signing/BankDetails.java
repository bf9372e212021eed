package org.guangsha.selection.internal.signing;

import java.util.ArrayList;
import java.util.List;
import org.guangsha.platform.rest.FieldError;
import org.guangsha.platform.rest.ProblemException;

/**
 * The rent collection details (租金托收, S-12) a family gives before signing: the bank, the account
 * holder (the main applicant), the card number and photos of both sides of the card. Checking them
 * needs no database, so the rules live here and are unit-tested.
 *
 * @param bankName the bank (开户银行), e.g. 中国银行深圳分行
 * @param accountName the account holder (户名): the main applicant
 * @param cardNumber the card number, digits only once {@linkplain #checked checked}
 * @param frontAttachmentId the caller's photo of the card's front ({@code bank-card-front})
 * @param backAttachmentId the caller's photo of the card's back ({@code bank-card-back})
 */
public record BankDetails(
        String bankName,
        String accountName,
        String cardNumber,
        String frontAttachmentId,
        String backAttachmentId) {

    static final int MIN_DIGITS = 12;
    static final int MAX_DIGITS = 19;

    /**
     * The details trimmed, the card number without spaces or hyphens, or 400 naming every wrong
     * field. The account holder must be the main applicant ({@code applicantName}): the guide asks
     * for the main applicant's own card (主申请人银行卡).
     */
    public BankDetails checked(String applicantName) {
        List<FieldError> errors = new ArrayList<>();
        String bank = strip(bankName);
        if (bank.length() < 2 || bank.length() > 60) {
            errors.add(
                    new FieldError("bankName", "请填写开户银行（2至60字）", "The bank, 2 to 60 characters"));
        }
        String holder = strip(accountName);
        if (holder.isEmpty() || holder.length() > 50) {
            errors.add(new FieldError("accountName", "请填写户名", "The account holder's name"));
        } else if (applicantName != null && !holder.equals(applicantName.strip())) {
            errors.add(
                    new FieldError(
                            "accountName",
                            "户名须为主申请人本人",
                            "The account must be the main applicant's own"));
        }
        String digits = normalizedCardNumber(cardNumber);
        if (digits.length() < MIN_DIGITS
                || digits.length() > MAX_DIGITS
                || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            errors.add(
                    new FieldError(
                            "cardNumber", "银行卡号应为12至19位数字", "A card number has 12 to 19 digits"));
        } else if (!luhn(digits)) {
            errors.add(
                    new FieldError(
                            "cardNumber",
                            "银行卡号校验未通过，请核对",
                            "The card number's check digit is wrong"));
        }
        String front = strip(frontAttachmentId);
        String back = strip(backAttachmentId);
        if (front.isEmpty()) {
            errors.add(
                    new FieldError(
                            "frontAttachmentId",
                            "请上传银行卡正面照片",
                            "Upload a photo of the card's front"));
        }
        if (back.isEmpty()) {
            errors.add(
                    new FieldError(
                            "backAttachmentId", "请上传银行卡反面照片", "Upload a photo of the card's back"));
        } else if (back.equals(front)) {
            errors.add(
                    new FieldError(
                            "backAttachmentId",
                            "正反面须为两张不同的照片",
                            "Front and back are two different photos"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        return new BankDetails(bank, holder, digits, front, back);
    }

    /** The Luhn (mod 10) check of bank card numbers (ISO/IEC 7812). */
    static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return false;
            }
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return !digits.isEmpty() && sum % 10 == 0;
    }

    /** The card number as people type it, without spaces (also full-width) and hyphens. */
    static String normalizedCardNumber(String text) {
        return text == null ? "" : text.replaceAll("[\\s\\u3000-]", "");
    }

    /** Every digit but the last four hidden: {@code ***************1234}. */
    static String masked(String cardNumber) {
        if (cardNumber == null) {
            return null;
        }
        if (cardNumber.length() <= 4) {
            return "*".repeat(cardNumber.length());
        }
        return "*".repeat(cardNumber.length() - 4) + cardNumber.substring(cardNumber.length() - 4);
    }

    /** The last four digits, or null. */
    static String last4(String cardNumber) {
        return cardNumber == null || cardNumber.length() < 4
                ? null
                : cardNumber.substring(cardNumber.length() - 4);
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }
}
