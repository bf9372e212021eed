package org.guangsha.platform.attachment;

import org.guangsha.platform.i18n.LocalizedText;

/** Electronic licences the platform fetches instead of asking for uploads. */
public enum LicenceType {
    /** 居民身份证. */
    ID_CARD(AttachmentKinds.ID_CARD_LICENCE, LocalizedText.of("居民身份证", "Resident ID card")),
    /** 居民户口簿. */
    HOUSEHOLD_REGISTER(
            AttachmentKinds.HOUSEHOLD_REGISTER_LICENCE,
            LocalizedText.of("居民户口簿", "Household register"));

    private final String kind;
    private final LocalizedText label;

    LicenceType(String kind, LocalizedText label) {
        this.kind = kind;
        this.label = label;
    }

    /** The attachment kind a fetched licence is stored as. */
    public String kind() {
        return kind;
    }

    /** The licence's name. */
    public LocalizedText label() {
        return label;
    }
}
