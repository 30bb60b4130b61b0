// A canvas drawn read-only (a version in the side-by-side view), changed nodes marked.
import { useMemo } from 'react';
import { Background, ReactFlow, ReactFlowProvider } from '@xyflow/react';
import { toFlow, describeNode } from './canvas.js';
import { CanvasContext, nodeTypes } from './nodes.jsx';

const READ_ONLY = { problems: {}, conflicts: new Set(), updateData: () => {} };

export function CanvasPreview({ canvas, marked = new Set(), label }) {
  const flow = useMemo(() => {
    const { nodes, edges } = toFlow(canvas);
    return {
      nodes: nodes.map((node) => ({ ...node, ariaLabel: describeNode(node), className: marked.has(node.id) ? 'bmarked' : undefined })),
      edges,
    };
  }, [canvas, marked]);
  return (
    <div className="bpreview" aria-label={label} role="img">
      <ReactFlowProvider>
        <CanvasContext.Provider value={READ_ONLY}>
          <fieldset disabled className="bpreview-fieldset">
            <legend className="sr-only">{label}</legend>
            <ReactFlow nodes={flow.nodes} edges={flow.edges} nodeTypes={nodeTypes} fitView
              nodesDraggable={false} nodesConnectable={false} elementsSelectable={false} nodesFocusable={false}
              edgesFocusable={false} panOnDrag zoomOnScroll={false}>
              <Background />
            </ReactFlow>
          </fieldset>
        </CanvasContext.Provider>
      </ReactFlowProvider>
    </div>
  );
}
