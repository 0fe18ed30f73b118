package io.cityloop.platform.persistence;

import org.springframework.dao.DataAccessResourceFailureException;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;

/**
 * Tells a failure because MongoDB could not be reached (no server to select, connection refused or cut, read timed
 * out) from one caused by the data: the first is worth waiting out, the second is not.
 */
public final class DatabaseUnavailable {

    private DatabaseUnavailable() {
    }

    public static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof MongoTimeoutException
                    || t instanceof MongoSocketException) {
                return true;
            }
        }
        return false;
    }
}
