/** The line's tables ({@code SZR_*}, migrations in {@code db/migration}) as JPA entities. */
package org.guangsha.shenzhen.rental.internal.store;
