package org.guangsha.platform.attachment;

import java.util.regex.Pattern;

/**
 * The kinds of file the platform knows by name. A business line may use its own kinds as long
 * as they follow {@link #PATTERN}, e.g. {@code marriage-certificate}.
 */
public final class AttachmentKinds {

    /** What a kind looks like: lower-case words joined by hyphens. */
    public static final Pattern PATTERN = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+){0,5}");

    /** 身份证正面 (人像面). */
    public static final String ID_CARD_FRONT = "id-card-front";

    /** 身份证背面 (国徽面). */
    public static final String ID_CARD_BACK = "id-card-back";

    /** 银行卡. */
    public static final String BANK_CARD = "bank-card";

    /** 银行卡正面 (the side with the card number), e.g. for rent collection (租金托收). */
    public static final String BANK_CARD_FRONT = "bank-card-front";

    /** 银行卡背面. */
    public static final String BANK_CARD_BACK = "bank-card-back";

    /** 证明材料 (certificates of any sort). */
    public static final String CERTIFICATE = "certificate";

    /** 签字的承诺书、授权书 (a letter the citizen printed, signed and photographed). */
    public static final String SIGNED_LETTER = "signed-letter";

    /** 手写签名 (a signature drawn on screen during a signing ceremony). */
    public static final String SIGNATURE = "signature";

    /** 居民身份证电子证照. */
    public static final String ID_CARD_LICENCE = "id-card-licence";

    /** 居民户口簿电子证照. */
    public static final String HOUSEHOLD_REGISTER_LICENCE = "household-register-licence";

    /** 其他材料. */
    public static final String OTHER = "other";

    private AttachmentKinds() {}

    /** Whether {@code kind} is well formed. */
    public static boolean isValid(String kind) {
        return kind != null && kind.length() <= 40 && PATTERN.matcher(kind).matches();
    }
}
