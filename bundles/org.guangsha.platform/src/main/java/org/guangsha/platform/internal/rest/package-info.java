/** The REST application, its JSON provider and the problem+json error mappers. */
package org.guangsha.platform.internal.rest;
