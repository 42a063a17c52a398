/*
 * Stand-ins for pages built in other branches of issue 19 (task queues, namespaces, nodes): each
 * names what it will show, so that the shell's routes and navigation work end to end.
 * The lead replaces them with the real pages when the branches merge.
 */

export function TaskQueuesPlaceholder() {
  return <SectionPlaceholder title="Task queues" what="backlog, oldest task age and pollers" />;
}

export function NamespacesPlaceholder() {
  return <SectionPlaceholder title="Namespaces" what="the namespaces of the store" />;
}

export function NodesPlaceholder() {
  return <SectionPlaceholder title="Nodes" what="the engine nodes of the cluster" />;
}

function SectionPlaceholder({ title, what }: { title: string; what: string }) {
  return (
    <section aria-labelledby="section-title">
      <h1 id="section-title">{title}</h1>
      <p className="muted">This page ({what}) is built in its own branch.</p>
    </section>
  );
}
