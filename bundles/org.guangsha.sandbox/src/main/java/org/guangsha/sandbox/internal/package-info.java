/** Simulated government services for demos and automated tests; never for production. */
package org.guangsha.sandbox.internal;
