package dev.weft.store.postgres;

import dev.weft.store.Store;
import dev.weft.store.tck.ActivityTaskContract;
import dev.weft.store.tck.ActivityTimeoutContract;
import dev.weft.store.tck.AtomicityContract;
import dev.weft.store.tck.ConcurrencyContract;
import dev.weft.store.tck.DueTimeContract;
import dev.weft.store.tck.FilterContract;
import dev.weft.store.tck.HistoryContract;
import dev.weft.store.tck.InboxContract;
import dev.weft.store.tck.ListingContract;
import dev.weft.store.tck.NotificationContract;
import dev.weft.store.tck.OrderContract;
import dev.weft.store.tck.RetentionContract;
import dev.weft.store.tck.RunCloseContract;
import dev.weft.store.tck.RunContract;
import dev.weft.store.tck.SearchAttributeContract;
import dev.weft.store.tck.StickyClaimContract;
import dev.weft.store.tck.TimerContract;
import dev.weft.store.tck.WorkflowTaskContract;
import org.junit.jupiter.api.Nested;

/**
 * Runs the whole store contract suite against {@link PostgresStore}: one real PostgreSQL per test
 * JVM (the embedded binaries), a new schema per test, default options otherwise.
 */
class PostgresStoreContractTest {

  Store open() {
    return PostgresStore.open(TestPostgres.freshOptions("tck"));
  }

  @Nested
  class Runs extends RunContract {
    @Override
    protected Store newStore() {
      return open();
    }
  }

  @Nested
  class RunClose extends RunCloseContract {
    @Override
    protected Store newStore() {
      return open();
    }
  }

  @Nested
  class History extends HistoryContract {
    @Override
    protected Store newStore() {
      return open();
    }
  }

  @Nested
  class Inbox extends InboxContract {
    @Override
    protected Store newStore() {
      return open();
    }
  }

  @Nested
  class Atomicity extends AtomicityContract {
    @Override
    protected Store newStore() {
      return open();
    }
  }

  @Nested
  class WorkflowTasks extends WorkflowTaskContract {
    @Override
    protected Store newStore() {
      return open();
    }
  }

  @Nested
  class ActivityTasks extends ActivityTaskContract {
    @Override
    protected Store newStore() {
      return open();
    }
  }

  @Nested
  class ActivityTimeouts extends ActivityTimeoutContract {
    @Override
    protected Store newStore() {
      return open();
    }
  }

  @Nested
  class Timers extends TimerContract {
    @Override
    protected Store newStore() {
      return open();
    }
  }

  @Nested
  class DueTime extends DueTimeContract {
    @Override
    protected Store newStore() {
      return open();
    }
  }

  @Nested
  class Listing extends ListingContract {
    @Override
    protected Store newStore() {
      return open();
    }
  }

  @Nested
  class Notifications extends NotificationContract {
    @Override
    protected Store newStore() {
      return open();
    }
  }

  @Nested
  class Concurrency extends ConcurrencyContract {
    @Override
    protected Store newStore() {
      return open();
    }
  }

  @Nested
  class SearchAttributes extends SearchAttributeContract {
    @Override
    protected Store newStore() {
      return open();
    }
  }

  @Nested
  class Filters extends FilterContract {
    @Override
    protected Store newStore() {
      return open();
    }
  }

  @Nested
  class Orders extends OrderContract {
    @Override
    protected Store newStore() {
      return open();
    }
  }

  @Nested
  class Retention extends RetentionContract {
    @Override
    protected Store newStore() {
      return open();
    }
  }

  @Nested
  class StickyClaims extends StickyClaimContract {
    @Override
    protected Store newStore() {
      return open();
    }
  }
}
