package org.guangsha.shenzhen.rental.data;

/**
 * What an import stored.
 *
 * @param homes homes added
 * @param leases leases added
 * @param residents co-residents and occupants added
 * @param waitingRanks waiting-list rows added
 */
public record ImportSummary(int homes, int leases, int residents, int waitingRanks) {}
