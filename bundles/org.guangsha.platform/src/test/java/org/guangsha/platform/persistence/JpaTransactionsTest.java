package org.guangsha.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.EntityTransaction;
import org.junit.jupiter.api.Test;

class JpaTransactionsTest {

    private final List<String> calls = new ArrayList<>();
    private final JpaTransactions tx = new JpaTransactions(recordingFactory());

    @Test
    void writeCommitsAndCloses() {
        assertEquals("done", tx.write(em -> "done"));
        assertEquals(List.of("begin", "commit", "close"), calls);
    }

    @Test
    void writeRollsBackWhenTheWorkFails() {
        assertThrows(
                IllegalStateException.class,
                () ->
                        tx.run(
                                em -> {
                                    throw new IllegalStateException("unit taken");
                                }));
        assertEquals(List.of("begin", "rollback", "close"), calls);
    }

    @Test
    void readNeverCommits() {
        assertEquals(Integer.valueOf(42), tx.<Integer>read(em -> 42));
        assertEquals(List.of("begin", "rollback", "close"), calls);
    }

    /** An entity manager factory that only records what is done with its transactions. */
    private EntityManagerFactory recordingFactory() {
        boolean[] active = {false};
        EntityTransaction transaction =
                proxy(
                        EntityTransaction.class,
                        name -> {
                            switch (name) {
                                case "begin" -> active[0] = true;
                                case "commit", "rollback" -> active[0] = false;
                                case "isActive" -> {
                                    return active[0];
                                }
                                default -> {}
                            }
                            calls.add(name);
                            return null;
                        });
        EntityManager em =
                proxy(
                        EntityManager.class,
                        name -> {
                            if (name.equals("getTransaction")) {
                                return transaction;
                            }
                            calls.add(name);
                            return null;
                        });
        return proxy(EntityManagerFactory.class, name -> em);
    }

    private interface Handler {
        Object call(String method);
    }

    private static <T> T proxy(Class<T> type, Handler handler) {
        return type.cast(
                Proxy.newProxyInstance(
                        JpaTransactionsTest.class.getClassLoader(),
                        new Class<?>[] {type},
                        (p, method, args) -> handler.call(method.getName())));
    }

    @Test
    void anOptimisticLockFailureIsFoundAmongTheCauses() {
        RuntimeException lost =
                new javax.persistence.PersistenceException(
                        new RuntimeException(new javax.persistence.OptimisticLockException()));
        org.junit.jupiter.api.Assertions.assertTrue(JpaTransactions.optimisticLockFailure(lost));
        org.junit.jupiter.api.Assertions.assertFalse(
                JpaTransactions.optimisticLockFailure(
                        new javax.persistence.PersistenceException("constraint")));
    }
}
