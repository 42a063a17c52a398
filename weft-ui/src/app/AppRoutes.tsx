import { Navigate, Route, Routes, useParams } from "react-router";
import { DEFAULT_NAMESPACE, Shell } from "./Shell";
import { WorkflowsPage } from "../pages/workflows/WorkflowsPage";
import { RunPage } from "../pages/run/RunPage";
import { TaskQueuesPage } from "../pages/taskqueues/TaskQueuesPage";
import { TaskQueuePage } from "../pages/taskqueues/TaskQueuePage";
import { NodesPage } from "../pages/nodes/NodesPage";
import { NamespacesPage } from "../pages/namespaces/NamespacesPage";
import { BatchesPage } from "../pages/batch/BatchesPage";
import { BatchPage } from "../pages/batch/BatchPage";
import { AssetsPage } from "../pages/assets/AssetsPage";
import { AssetPage } from "../pages/assets/AssetPage";
import { MaterializePage } from "../pages/assets/MaterializePage";
import { LineagePage } from "../pages/lineage/LineagePage";
import { BackfillsPage } from "../pages/backfills/BackfillsPage";
import { BackfillPage } from "../pages/backfills/BackfillPage";
import { BackfillLaunchPage } from "../pages/backfills/BackfillLaunchPage";
import { SchedulesPage } from "../pages/schedules/SchedulesPage";
import { SchedulePage } from "../pages/schedules/SchedulePage";
import { SensorsPage } from "../pages/sensors/SensorsPage";
import { SensorPage } from "../pages/sensors/SensorPage";
import { HooksPage } from "../pages/hooks/HooksPage";
import { HookPage } from "../pages/hooks/HookPage";

/**
 * Every page's address. Pages of a namespace live under `/namespaces/:namespace/`; the list of
 * namespaces is `/namespaces`. The run page is `/namespaces/:namespace/workflows/:workflowId`,
 * optionally `?runId=` (without it, the latest run).
 */
export function AppRoutes() {
  return (
    <Routes>
      <Route index element={<Navigate to={`/namespaces/${DEFAULT_NAMESPACE}/workflows`} replace />} />
      <Route path="namespaces" element={<Shell />}>
        <Route index element={<NamespacesPage />} />
      </Route>
      <Route path="namespaces/:namespace" element={<Shell />}>
        <Route index element={<ToWorkflows />} />
        <Route path="workflows" element={<WorkflowsPage />} />
        <Route path="workflows/:workflowId" element={<RunPage />} />
        <Route path="task-queues" element={<TaskQueuesPage />} />
        <Route path="task-queues/:taskQueue" element={<TaskQueuePage />} />
        <Route path="nodes" element={<NodesPage />} />
        <Route path="batch-operations" element={<BatchesPage />} />
        <Route path="batch-operations/:jobId" element={<BatchPage />} />
        <Route path="assets" element={<AssetsPage />} />
        <Route path="assets/*" element={<AssetPage />} />
        <Route path="assets-materialize" element={<MaterializePage />} />
        <Route path="asset-graph" element={<LineagePage />} />
        <Route path="backfills" element={<BackfillsPage />} />
        <Route path="backfills/new" element={<BackfillLaunchPage />} />
        <Route path="backfills/:backfillId" element={<BackfillPage />} />
        <Route path="schedules" element={<SchedulesPage />} />
        <Route path="schedules/:scheduleId" element={<SchedulePage />} />
        <Route path="sensors" element={<SensorsPage />} />
        <Route path="sensors/:name" element={<SensorPage />} />
        <Route path="hooks" element={<HooksPage />} />
        <Route path="hooks/:name" element={<HookPage />} />
      </Route>
      <Route path="*" element={<Shell />}>
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}

function ToWorkflows() {
  const { namespace = DEFAULT_NAMESPACE } = useParams();
  return <Navigate to={`/namespaces/${encodeURIComponent(namespace)}/workflows`} replace />;
}

function NotFound() {
  return (
    <section aria-labelledby="nf-title">
      <h1 id="nf-title">Page not found</h1>
      <p>There is no page at this address.</p>
    </section>
  );
}
