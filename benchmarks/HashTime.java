import java.util.Arrays;
import org.guangsha.platform.internal.identity.PasswordHasher;

/**
 * Time of one password hash (PBKDF2-HMAC-SHA256) at the configured cost, measured alone.
 * Run by login.sh: java -cp bundles/org.guangsha.platform/target/classes benchmarks/HashTime.java N
 */
public class HashTime {
    public static void main(String[] args) {
        int iterations = Integer.parseInt(args.length > 0 ? args[0] : "310000");
        PasswordHasher hasher = new PasswordHasher(iterations);
        String stored = hasher.hash("Guangsha#2026".toCharArray());
        for (int i = 0; i < 5; i++) {
            hasher.verify("Guangsha#2026".toCharArray(), stored); // warm-up
        }
        long[] ms = new long[20];
        for (int i = 0; i < ms.length; i++) {
            long t = System.nanoTime();
            hasher.verify("Guangsha#2026".toCharArray(), stored);
            ms[i] = (System.nanoTime() - t) / 1_000_000;
        }
        Arrays.sort(ms);
        System.out.printf("hash iterations=%d median=%d ms min=%d ms max=%d ms%n",
                iterations, ms[ms.length / 2], ms[0], ms[ms.length - 1]);
    }
}
