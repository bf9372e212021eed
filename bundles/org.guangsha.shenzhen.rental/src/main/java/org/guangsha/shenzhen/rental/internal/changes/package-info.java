/**
 * Post-rental changes (SZ-3, 个人租后信息变更) and employer housing changes (SZ-5, 单位住房承租信息变更): a lessee
 * proposes who lives in a leased home; the home's district reviews; approval applies it once.
 */
package org.guangsha.shenzhen.rental.internal.changes;
