import { RichText } from '@tarojs/components';
import { sanitizeNodes, type RichNode } from '@core/briefings/rich-nodes';
import './index.css';

/**
 * A briefing body: the stored nodes checked again on the phone (whitelisted elements, attributes and URLs
 * only) and always handed over as an array, never a string (Taro's H5 RichText would set a string as HTML).
 * Text sizes are rem, so they follow WeChat's font size.
 */
export default function RichBody({ nodes }: { nodes: RichNode[] | unknown }) {
  return <RichText className="rich-body" nodes={sanitizeNodes(nodes) as never} />;
}
