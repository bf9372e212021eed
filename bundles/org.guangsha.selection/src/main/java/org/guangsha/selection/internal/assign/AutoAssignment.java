package org.guangsha.selection.internal.assign;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The auto-assignment of S-6, as a pure function so that anyone can re-run it from the published
 * inputs and get the same results: families are taken in the order given (by rank); each gets the
 * first of its intents that is neither in {@code taken} nor given to an earlier family of the run;
 * a family none of whose intents is free gets nothing.
 *
 * <p>The published inputs and results, and their SHA-256 hashes, use one canonical JSON text each
 * (no spaces, members in the order below, strings escaped as JavaScript's {@code JSON.stringify}
 * does), so a browser rebuilding the text with {@code JSON.stringify} gets the same bytes:
 *
 * <pre>
 * inputs:  {"algorithm":"…","taken":["A-101",…],"families":[{"rank":1,"intents":["A-102",…]},…]}
 * results: {"results":[{"rank":1,"unitCode":"A-102"},{"rank":2,"unitCode":null},…]}
 * </pre>
 *
 * {@code taken} is sorted (by UTF-16 code units, as JavaScript sorts strings); families keep the
 * order they were processed in.
 */
public final class AutoAssignment {

    /** Names this algorithm and version in the published inputs. */
    public static final String ALGORITHM = "rank-first-free-intent/1";

    /**
     * One family of a run.
     *
     * @param rank its rank in the batch
     * @param intents its intents as unit codes, in its order
     */
    public record Family(int rank, List<String> intents) {
        /** Copies the intents. */
        public Family {
            intents = List.copyOf(intents);
        }
    }

    /**
     * What a run starts from.
     *
     * @param taken the codes of units already taken before the run
     * @param families the families, in the order they are processed (by rank)
     */
    public record Inputs(Set<String> taken, List<Family> families) {
        /** Sorts the taken units and copies the families. */
        public Inputs {
            taken = new TreeSet<>(taken);
            families = List.copyOf(families);
        }

        /** The canonical text of these inputs. */
        public String canonical() {
            StringBuilder sb = new StringBuilder(64 + families.size() * 48);
            sb.append("{\"algorithm\":");
            string(sb, ALGORITHM);
            sb.append(",\"taken\":[");
            boolean first = true;
            for (String code : taken) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                string(sb, code);
            }
            sb.append("],\"families\":[");
            for (int i = 0; i < families.size(); i++) {
                Family f = families.get(i);
                if (i > 0) {
                    sb.append(',');
                }
                sb.append("{\"rank\":").append(f.rank()).append(",\"intents\":[");
                for (int j = 0; j < f.intents().size(); j++) {
                    if (j > 0) {
                        sb.append(',');
                    }
                    string(sb, f.intents().get(j));
                }
                sb.append("]}");
            }
            return sb.append("]}").toString();
        }
    }

    /**
     * What one family got.
     *
     * @param rank its rank
     * @param unitCode the unit it got, or null
     */
    public record Outcome(int rank, String unitCode) {}

    /** The outcomes of a run, one per family in the order of the inputs. */
    public record Results(List<Outcome> outcomes) {
        /** Copies the list. */
        public Results {
            outcomes = List.copyOf(outcomes);
        }

        /** The canonical text of these results. */
        public String canonical() {
            StringBuilder sb = new StringBuilder(16 + outcomes.size() * 32);
            sb.append("{\"results\":[");
            for (int i = 0; i < outcomes.size(); i++) {
                Outcome o = outcomes.get(i);
                if (i > 0) {
                    sb.append(',');
                }
                sb.append("{\"rank\":").append(o.rank()).append(",\"unitCode\":");
                if (o.unitCode() == null) {
                    sb.append("null");
                } else {
                    string(sb, o.unitCode());
                }
                sb.append('}');
            }
            return sb.append("]}").toString();
        }

        /** How many families got a unit. */
        public int assigned() {
            int n = 0;
            for (Outcome o : outcomes) {
                if (o.unitCode() != null) {
                    n++;
                }
            }
            return n;
        }
    }

    private AutoAssignment() {}

    /** Runs the assignment. */
    public static Results run(Inputs inputs) {
        Set<String> given = new HashSet<>(inputs.taken());
        List<Outcome> outcomes = new ArrayList<>(inputs.families().size());
        for (Family f : inputs.families()) {
            String got = null;
            for (String code : f.intents()) {
                if (given.add(code)) {
                    got = code;
                    break;
                }
            }
            outcomes.add(new Outcome(f.rank(), got));
        }
        return new Results(outcomes);
    }

    /** SHA-256 of a canonical text (UTF-8), lower-case hex. */
    public static String sha256(String canonical) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Appends a JSON string escaped as JavaScript's JSON.stringify does. */
    static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c) && !wellFormedPair(s, i)) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    /**
     * Whether the surrogate at {@code i} belongs to a well-formed pair (JSON.stringify escapes lone
     * ones).
     */
    private static boolean wellFormedPair(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
