package io.cityloop.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;

import com.mongodb.MongoSocketReadTimeoutException;
import com.mongodb.ServerAddress;

class DatabaseUnavailableTest {

    @Test
    void findsTheDatabaseFailureBehindAListenerOrServiceWrapper() {
        RuntimeException wrapped = new IllegalStateException("listener failed",
                new DataAccessResourceFailureException("Timed out while waiting for a server"));
        assertThat(DatabaseUnavailable.causedBy(wrapped)).isTrue();
        assertThat(DatabaseUnavailable.causedBy(new MongoSocketReadTimeoutException("read timed out",
                new ServerAddress("localhost", 27017), new java.net.SocketTimeoutException()))).isTrue();
    }

    @Test
    void aFailureOnTheDataIsNotAnOutage() {
        assertThat(DatabaseUnavailable.causedBy(new DuplicateKeyException("E11000 duplicate key"))).isFalse();
        assertThat(DatabaseUnavailable.causedBy(new IllegalArgumentException("status REJECTED"))).isFalse();
        assertThat(DatabaseUnavailable.causedBy(null)).isFalse();
    }
}
