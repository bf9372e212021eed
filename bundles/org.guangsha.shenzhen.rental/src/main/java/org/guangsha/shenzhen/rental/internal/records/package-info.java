/**
 * Certificates the city prints for its citizens (DOMAIN.md SZ-6 … SZ-8, seed 000 sections 9-11):
 * the policy-housing record (政策性住房信息, at most one application a month), the property share of an
 * affordable home (安居房产权份额, valid one month) and the power of attorney with the Shenzhen
 * real-estate registration application form (授权委托书, 深圳市不动产登记申请表, valid three months).
 */
package org.guangsha.shenzhen.rental.internal.records;
