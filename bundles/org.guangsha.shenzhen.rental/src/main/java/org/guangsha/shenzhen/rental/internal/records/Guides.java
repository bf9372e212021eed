package org.guangsha.shenzhen.rental.internal.records;

import org.guangsha.platform.i18n.LocalizedText;

/** The 操作说明 of the three services, as the city's guide words them (seed 000 sections 9-11). */
final class Guides {

    /** SZ-6. */
    static final LocalizedText RECORD =
            LocalizedText.of(
                    "必须先提交申请才能操作，一个月内不能重复申请。未购买过政策性住房的，可以直接打印，购买过政策性住房的，需经审核通过后才能打印。",
                    "Apply first; at most one application per calendar month. Without a"
                            + " policy-housing purchase the certificate prints at once; with one it"
                            + " prints after review.");

    /** SZ-7. */
    static final LocalizedText SHARE =
            LocalizedText.of(
                    "若无安居房产权份额信息，必须提交安居房产权份额信息申请，有效期为一个月。",
                    "Without property-share information, apply for it first; the certificate is"
                            + " valid for one month.");

    /** SZ-8. */
    static final LocalizedText POA =
            LocalizedText.of(
                    "若无授权委托书信息，必须提交授权委托书申请，有效期为三个月。审核通过后分别打印“授权委托书”和“深圳市不动产登记申请表”。",
                    "Without a power of attorney, apply for one first; it is valid for three"
                            + " months. Once approved, print the power of attorney and the Shenzhen"
                            + " real-estate registration application form.");

    private Guides() {}
}
