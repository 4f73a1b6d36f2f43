package dev.steward.request.store;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Plain JDBC transactions. The connection of the running transaction is bound to the thread so
 * that db-scheduler (through {@link TxDataSource}) schedules tasks in the same transaction as the
 * state change that asks for them: both commit, or neither does.
 */
@ApplicationScoped
public class Db {

    static final ThreadLocal<Connection> CURRENT = new ThreadLocal<>();

    @FunctionalInterface
    public interface Work<T> {
        T apply(Connection c) throws Exception;
    }

    private final AgroalDataSource dataSource;

    public Db(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public AgroalDataSource dataSource() {
        return dataSource;
    }

    /** Runs {@code work} in one transaction (joining the thread's transaction if there is one). */
    public <T> T tx(Work<T> work) {
        Connection bound = CURRENT.get();
        if (bound != null) {
            return call(work, bound);
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            CURRENT.set(c);
            try {
                T result = work.apply(c);
                c.commit();
                return result;
            } catch (Throwable e) {
                c.rollback();
                throw e;
            } finally {
                CURRENT.remove();
                c.setAutoCommit(true);
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs {@code work} on an auto-commit connection (reads). */
    public <T> T read(Work<T> work) {
        Connection bound = CURRENT.get();
        if (bound != null) {
            return call(work, bound);
        }
        try (Connection c = dataSource.getConnection()) {
            return work.apply(c);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T call(Work<T> work, Connection c) {
        try {
            return work.apply(c);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

}
