/** The line's tables ({@code JX_*}, migrations in {@code db/migration}) as JPA entities. */
package org.guangsha.jiangxi.application.internal.store;
