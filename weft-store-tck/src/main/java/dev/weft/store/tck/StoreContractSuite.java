package dev.weft.store.tck;

import dev.weft.store.Store;
import org.junit.jupiter.api.Nested;

/**
 * The whole contract suite in one class: a backend's test extends it and implements {@link
 * #createStore()}, and JUnit runs every contract as a nested class. A contract added here runs on
 * every store at once, so no backend can leave one out.
 *
 * <pre>{@code
 * class MyStoreContractTest extends StoreContractSuite {
 *   @TempDir Path dir;
 *
 *   @Override
 *   protected Store createStore() {
 *     return MyStore.open(dir.resolve("weft.db"));
 *   }
 * }
 * }</pre>
 */
public abstract class StoreContractSuite {

  /** Returns a new, empty store; called once before each test of every contract. */
  protected abstract Store createStore();

  /** Runs {@link ObservationContract}. */
  @Nested
  public class Observation extends ObservationContract {
    @Override
    protected Store newStore() {
      return createStore();
    }
  }

  /** Runs {@link KeywordListContract}. */
  @Nested
  public class KeywordLists extends KeywordListContract {
    @Override
    protected Store newStore() {
      return createStore();
    }
  }

  /** Runs {@link RunContract}. */
  @Nested
  public class Runs extends RunContract {
    @Override
    protected Store newStore() {
      return createStore();
    }
  }

  /** Runs {@link RunCloseContract}. */
  @Nested
  public class RunClose extends RunCloseContract {
    @Override
    protected Store newStore() {
      return createStore();
    }
  }

  /** Runs {@link HistoryContract}. */
  @Nested
  public class History extends HistoryContract {
    @Override
    protected Store newStore() {
      return createStore();
    }
  }

  /** Runs {@link InboxContract}. */
  @Nested
  public class Inbox extends InboxContract {
    @Override
    protected Store newStore() {
      return createStore();
    }
  }

  /** Runs {@link AtomicityContract}. */
  @Nested
  public class Atomicity extends AtomicityContract {
    @Override
    protected Store newStore() {
      return createStore();
    }
  }

  /** Runs {@link AttentionContract}. */
  @Nested
  public class Attention extends AttentionContract {
    @Override
    protected Store newStore() {
      return createStore();
    }
  }

  /** Runs {@link WorkflowTaskContract}. */
  @Nested
  public class WorkflowTasks extends WorkflowTaskContract {
    @Override
    protected Store newStore() {
      return createStore();
    }
  }

  /** Runs {@link TaskQueueContract}. */
  @Nested
  public class TaskQueues extends TaskQueueContract {
    @Override
    protected Store newStore() {
      return createStore();
    }
  }

  /** Runs {@link ActivityTaskContract}. */
  @Nested
  public class ActivityTasks extends ActivityTaskContract {
    @Override
    protected Store newStore() {
      return createStore();
    }
  }

  /** Runs {@link ActivityTimeoutContract}. */
  @Nested
  public class ActivityTimeouts extends ActivityTimeoutContract {
    @Override
    protected Store newStore() {
      return createStore();
    }
  }

  /** Runs {@link ActivityCancelContract}. */
  @Nested
  public class ActivityCancels extends ActivityCancelContract {
    @Override
    protected Store newStore() {
      return createStore();
    }
  }

  /** Runs {@link TimerContract}. */
  @Nested
  public class Timers extends TimerContract {
    @Override
    protected Store newStore() {
      return createStore();
    }
  }

  /** Runs {@link DueTimeContract}. */
  @Nested
  public class DueTime extends DueTimeContract {
    @Override
    protected Store newStore() {
      return createStore();
    }
  }

  /** Runs {@link ListingContract}. */
  @Nested
  public class Listing extends ListingContract {
    @Override
    protected Store newStore() {
      return createStore();
    }
  }

  /** Runs {@link NotificationContract}. */
  @Nested
  public class Notifications extends NotificationContract {
    @Override
    protected Store newStore() {
      return createStore();
    }
  }

  /** Runs {@link ConcurrencyContract}. */
  @Nested
  public class Concurrency extends ConcurrencyContract {
    @Override
    protected Store newStore() {
      return createStore();
    }
  }

  /** Runs {@link SearchAttributeContract}. */
  @Nested
  public class SearchAttributes extends SearchAttributeContract {
    @Override
    protected Store newStore() {
      return createStore();
    }
  }

  /** Runs {@link MemoContract}. */
  @Nested
  public class Memos extends MemoContract {
    @Override
    protected Store newStore() {
      return createStore();
    }
  }

  /** Runs {@link VisibilityAtomicityContract}. */
  @Nested
  public class VisibilityAtomicity extends VisibilityAtomicityContract {
    @Override
    protected Store newStore() {
      return createStore();
    }
  }

  /** Runs {@link FilterContract}. */
  @Nested
  public class Filters extends FilterContract {
    @Override
    protected Store newStore() {
      return createStore();
    }
  }

  /** Runs {@link OrderContract}. */
  @Nested
  public class Orders extends OrderContract {
    @Override
    protected Store newStore() {
      return createStore();
    }
  }

  /** Runs {@link RetentionContract}. */
  @Nested
  public class Retention extends RetentionContract {
    @Override
    protected Store newStore() {
      return createStore();
    }
  }

  /** Runs {@link NamespaceContract}. */
  @Nested
  public class Namespaces extends NamespaceContract {
    @Override
    protected Store newStore() {
      return createStore();
    }
  }

  /** Runs {@link UpdateOutcomeContract}. */
  @Nested
  public class UpdateOutcomes extends UpdateOutcomeContract {
    @Override
    protected Store newStore() {
      return createStore();
    }
  }

  /** Runs {@link EngineNodeContract}. */
  @Nested
  public class EngineNodes extends EngineNodeContract {
    @Override
    protected Store newStore() {
      return createStore();
    }
  }

  /** Runs {@link ApiTokenContract}. */
  @Nested
  public class ApiTokens extends ApiTokenContract {
    @Override
    protected Store newStore() {
      return createStore();
    }
  }

  /** Runs {@link WebhookContract}. */
  @Nested
  public class Webhooks extends WebhookContract {
    @Override
    protected Store newStore() {
      return createStore();
    }
  }

  /** Runs {@link AssetCatalogContract}. */
  @Nested
  public class AssetCatalog extends AssetCatalogContract {
    @Override
    protected Store newStore() {
      return createStore();
    }
  }

  /** Runs {@link AssetStalenessContract}. */
  @Nested
  public class AssetStaleness extends AssetStalenessContract {
    @Override
    protected Store newStore() {
      return createStore();
    }
  }

  /** Runs {@link PartitionStatusContract}. */
  @Nested
  public class PartitionStatus extends PartitionStatusContract {
    @Override
    protected Store newStore() {
      return createStore();
    }
  }

  /** Runs {@link PartitionReadContract}. */
  @Nested
  public class PartitionReads extends PartitionReadContract {
    @Override
    protected Store newStore() {
      return createStore();
    }
  }

  /** Runs {@link PartitionObservationContract}. */
  @Nested
  public class PartitionObservations extends PartitionObservationContract {
    @Override
    protected Store newStore() {
      return createStore();
    }
  }

  /** Runs {@link DynamicPartitionContract}. */
  @Nested
  public class DynamicPartitions extends DynamicPartitionContract {
    @Override
    protected Store newStore() {
      return createStore();
    }
  }

  /** Runs {@link IntegerRangeEndContract}. */
  @Nested
  public class IntegerRangeEnds extends IntegerRangeEndContract {
    @Override
    protected Store newStore() {
      return createStore();
    }
  }

  /** Runs {@link BackfillContract}. */
  @Nested
  public class Backfills extends BackfillContract {
    @Override
    protected Store newStore() {
      return createStore();
    }
  }

  /** Runs {@link PartitionScaleContract}. */
  @Nested
  public class PartitionScale extends PartitionScaleContract {
    @Override
    protected Store newStore() {
      return createStore();
    }
  }

  /** Runs {@link FreshnessContract}. */
  @Nested
  public class Freshness extends FreshnessContract {
    @Override
    protected Store newStore() {
      return createStore();
    }
  }

  /** Runs {@link PartitionChangeContract}. */
  @Nested
  public class PartitionChanges extends PartitionChangeContract {
    @Override
    protected Store newStore() {
      return createStore();
    }
  }

  /** Runs {@link AutomationContract}. */
  @Nested
  public class Automation extends AutomationContract {
    @Override
    protected Store newStore() {
      return createStore();
    }
  }

  /** Runs {@link AssetWaiterContract}. */
  @Nested
  public class AssetWaiters extends AssetWaiterContract {
    @Override
    protected Store newStore() {
      return createStore();
    }
  }

  /** Runs {@link PartitionWaiterContract}. */
  @Nested
  public class PartitionWaiters extends PartitionWaiterContract {
    @Override
    protected Store newStore() {
      return createStore();
    }
  }

  /** Runs {@link PartitionSummaryContract}. */
  @Nested
  public class PartitionSummary extends PartitionSummaryContract {
    @Override
    protected Store newStore() {
      return createStore();
    }
  }

  /** Runs {@link AssetLocationsContract}. */
  @Nested
  public class AssetLocations extends AssetLocationsContract {
    @Override
    protected Store newStore() {
      return createStore();
    }
  }

  /** Runs {@link ExtensionContract}. */
  @Nested
  public class Extensions extends ExtensionContract {
    @Override
    protected Store newStore() {
      return createStore();
    }
  }

  /** Runs {@link StickyClaimContract}. */
  @Nested
  public class StickyClaims extends StickyClaimContract {
    @Override
    protected Store newStore() {
      return createStore();
    }
  }

  /** Runs {@link PriorityContract}. */
  @Nested
  public class Priorities extends PriorityContract {
    @Override
    protected Store newStore() {
      return createStore();
    }
  }

  /** Runs {@link FairnessContract}. */
  @Nested
  public class Fairness extends FairnessContract {
    @Override
    protected Store newStore() {
      return createStore();
    }
  }

  /** Runs {@link RunPauseContract}. */
  @Nested
  public class RunPauses extends RunPauseContract {
    @Override
    protected Store newStore() {
      return createStore();
    }
  }

  /** Runs {@link QueuePauseContract}. */
  @Nested
  public class QueuePauses extends QueuePauseContract {
    @Override
    protected Store newStore() {
      return createStore();
    }
  }

  /** Runs {@link FlowLimitContract}. */
  @Nested
  public class FlowLimits extends FlowLimitContract {
    @Override
    protected Store newStore() {
      return createStore();
    }
  }
}
