import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.guangsha.selection.internal.assign.AutoAssignment;

/**
 * Auto-assignment (S-6) of one session: the line's pure function ({@code AutoAssignment.run},
 * with the {@code Inputs} it is called with) against plain loops over the same data, in one JVM
 * after a warm-up. Run by assign.sh:
 * java -cp bundles/org.guangsha.selection/target/classes AssignBenchmark.java [families] [intents] [units] [taken] [runs]
 */
public class AssignBenchmark {
    public static void main(String[] args) {
        int families = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int intents = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int units = args.length > 2 ? Integer.parseInt(args[2]) : 8_000;
        int takenBefore = args.length > 3 ? Integer.parseInt(args[3]) : 2_000;
        int runs = args.length > 4 ? Integer.parseInt(args[4]) : 200;

        // The data: unit codes like 12-0304; intents drawn with a skew (the low floors of the first
        // buildings are wanted by many), distinct within a family; some units taken by confirms.
        Random random = new Random(2026);
        String[] codes = new String[units];
        for (int u = 0; u < units; u++) {
            codes[u] = (1 + u / 400) + "-" + String.format(Locale.ROOT, "%02d%02d", 1 + (u % 400) / 8, 1 + u % 8);
        }
        int[][] intentIdx = new int[families][intents];
        List<AutoAssignment.Family> list = new ArrayList<>(families);
        for (int f = 0; f < families; f++) {
            Set<Integer> mine = new HashSet<>();
            int k = 0;
            while (k < intents) {
                double x = random.nextDouble();
                int u = (int) (units * x * x); // skewed toward low indexes
                if (mine.add(u)) {
                    intentIdx[f][k++] = u;
                }
            }
            List<String> c = new ArrayList<>(intents);
            for (int u : intentIdx[f]) {
                c.add(codes[u]);
            }
            list.add(new AutoAssignment.Family(f + 1, c));
        }
        Set<String> taken = new HashSet<>();
        boolean[] takenIdx = new boolean[units];
        while (taken.size() < takenBefore) {
            int u = random.nextInt(units);
            taken.add(codes[u]);
            takenIdx[u] = true;
        }

        // one check that all three agree
        AutoAssignment.Results line = AutoAssignment.run(new AutoAssignment.Inputs(taken, list));
        String[] plain = plainLoop(taken, list);
        int[] ints = intLoop(takenIdx, intentIdx);
        for (int f = 0; f < families; f++) {
            String a = line.outcomes().get(f).unitCode();
            if (!java.util.Objects.equals(a, plain[f]) || !java.util.Objects.equals(a, ints[f] < 0 ? null : codes[ints[f]])) {
                throw new AssertionError("differ at family " + (f + 1));
            }
        }

        long[] lineNs = new long[runs];
        long[] plainNs = new long[runs];
        long[] intNs = new long[runs];
        long[] hashNs = new long[runs];
        long sink = 0;
        for (int warm = 0; warm < 2; warm++) { // first pass warms up, second is measured
            for (int r = 0; r < runs; r++) {
                long t = System.nanoTime();
                AutoAssignment.Results res = AutoAssignment.run(new AutoAssignment.Inputs(taken, list));
                lineNs[r] = System.nanoTime() - t;
                sink += res.assigned();
                t = System.nanoTime();
                String[] p = plainLoop(taken, list);
                plainNs[r] = System.nanoTime() - t;
                sink += p.length;
                t = System.nanoTime();
                int[] q = intLoop(takenIdx, intentIdx);
                intNs[r] = System.nanoTime() - t;
                sink += q[0];
                if (r % 10 == 0) {
                    t = System.nanoTime();
                    AutoAssignment.Inputs in = new AutoAssignment.Inputs(taken, list);
                    String h = AutoAssignment.sha256(in.canonical()) + AutoAssignment.sha256(AutoAssignment.run(in).canonical());
                    hashNs[r / 10] = System.nanoTime() - t;
                    sink += h.length();
                }
            }
        }
        System.out.printf(Locale.ROOT, "# %d families x %d intents, %d units (%d taken before), %d runs, assigned %d; %s%n",
                families, intents, units, takenBefore, runs, line.assigned(), System.getProperty("java.version"));
        print("line  AutoAssignment.run (with Inputs)", lineNs);
        print("plain HashSet loop over the same lists", plainNs);
        print("ints  boolean[] loop over int indexes ", intNs);
        print("line  run + canonical texts + 2 x SHA-256", Arrays.copyOf(hashNs, runs / 10));
        System.out.printf(Locale.ROOT, "ratio line/plain (p50) = %.2f, line/ints (p50) = %.2f   (sink %d)%n",
                p50(lineNs) / p50(plainNs), p50(lineNs) / p50(intNs), sink % 7);
    }

    static String[] plainLoop(Set<String> taken, List<AutoAssignment.Family> families) {
        Set<String> given = new HashSet<>(taken);
        String[] got = new String[families.size()];
        for (int f = 0; f < got.length; f++) {
            for (String code : families.get(f).intents()) {
                if (given.add(code)) {
                    got[f] = code;
                    break;
                }
            }
        }
        return got;
    }

    static int[] intLoop(boolean[] takenBefore, int[][] intents) {
        boolean[] given = takenBefore.clone();
        int[] got = new int[intents.length];
        for (int f = 0; f < intents.length; f++) {
            got[f] = -1;
            for (int u : intents[f]) {
                if (!given[u]) {
                    given[u] = true;
                    got[f] = u;
                    break;
                }
            }
        }
        return got;
    }

    static double p50(long[] ns) {
        long[] s = ns.clone();
        Arrays.sort(s);
        return s[s.length / 2] / 1e6;
    }

    static void print(String label, long[] ns) {
        long[] s = ns.clone();
        Arrays.sort(s);
        System.out.printf(Locale.ROOT, "%s  p50 %.2f ms  p99 %.2f ms  min %.2f ms%n", label, s[s.length / 2] / 1e6,
                s[(int) (s.length * 0.99)] / 1e6, s[0] / 1e6);
    }
}
