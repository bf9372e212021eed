package org.guangsha.platform.document;

/**
 * The steps of a signing ceremony (P-3), in the only order the server accepts them (seed 001 §6).
 */
public enum SigningStep {
    /** 确认信息: the citizen checks the contract's details. */
    CONFIRM_DETAILS,
    /** 阅读承诺书: read the commitment letter; 我已阅知 only after its countdown. */
    READ_COMMITMENT,
    /** 复制粘贴承诺书: type or paste the commitment text, which must match. */
    TYPE_COMMITMENT,
    /** 人脸识别: a passed face check on the phone for this signing. */
    FACE_CHECK,
    /** 阅读合同: read the contract; on only after its countdown. */
    READ_CONTRACT,
    /** 手写签名: the handwritten signature, after which the PDF is produced and signed. */
    SIGN,
    /** 签订成功. */
    DONE
}
