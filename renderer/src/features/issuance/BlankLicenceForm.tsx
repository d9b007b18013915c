import { licenceFieldNames, licenceLayouts, type LicenceCopy, type LicenceFieldName } from '../../documents/layout/licenceLayout';
import { issuanceMessages } from './messages';

const m = issuanceMessages.blankForm;

/**
 * A drawing of the pre-printed licence paper — border, emblem place, title, field labels, seal circle and
 * the sheet's serial — in the paper's own millimetres, made from the layout file, so the preview shows
 * the printed fields where they will land on the real sheet. A sketch, not the form's artwork.
 */
interface FormGeometry {
  emblem: { cx: number; cy: number; r: number };
  title: { y: number; size: number; spacing: number };
  subtitle: { y: number; size: number };
  labelSize: number;
  seal: { cx: number; cy: number; r: number };
  serial: { x: number; y: number; size: number };
}

const geometry: Record<LicenceCopy, FormGeometry> = {
  original: {
    emblem: { cx: 210, cy: 24, r: 12 },
    title: { y: 58, size: 18, spacing: 6 },
    subtitle: { y: 70, size: 6 },
    labelSize: 4.6,
    seal: { cx: 345, cy: 243, r: 16 },
    serial: { x: 20, y: 20, size: 3.2 },
  },
  duplicate: {
    emblem: { cx: 105, cy: 22, r: 10 },
    title: { y: 72, size: 12, spacing: 4 },
    subtitle: { y: 82, size: 4.5 },
    labelSize: 3.8,
    seal: { cx: 155, cy: 251, r: 10 },
    serial: { x: 18, y: 16, size: 2.8 },
  },
};

const MM_PER_PT = 25.4 / 72;

/** Boxes starting this close to the left edge get their label above them instead of beside them. */
const LABEL_ABOVE_BEFORE_MM = 40;

function FieldLabel(props: { field: LicenceFieldName; copy: LicenceCopy; size: number }) {
  const box = licenceLayouts[props.copy].fields[props.field];
  const text = m.labels[props.field];
  if (box.x < LABEL_ABOVE_BEFORE_MM) {
    return (
      <text x={box.x} y={box.y - 1.5} fontSize={props.size * 0.8} fill="#7a4a2a">
        {text}
      </text>
    );
  }
  // Level with the field's first line: the box's middle for one line, the first line's middle for a text block.
  const firstLineMm = Math.min(box.h, box.size * MM_PER_PT * box.lineHeight);
  const middle = box.valign === 'middle' ? box.y + box.h / 2 : box.y + firstLineMm / 2;
  return (
    <text x={box.x - 3} y={middle + props.size * 0.36} fontSize={props.size} textAnchor="end" fill="#7a4a2a">
      {text}
    </text>
  );
}

export function BlankLicenceForm(props: { copy: LicenceCopy; serial: string | null }) {
  const { copy } = props;
  const layout = licenceLayouts[copy];
  const { widthMm: w, heightMm: h } = layout.paper;
  const g = geometry[copy];
  const titleText = m.title;
  return (
    <svg viewBox={`0 0 ${w} ${h}`} width="100%" height="100%" preserveAspectRatio="none" role="img" aria-label={m.label[copy]} style={{ display: 'block', fontFamily: '"Noto Serif CJK SC", "Noto Serif SC", serif' }}>
      <rect x={0} y={0} width={w} height={h} fill="#fbf7ee" />
      <rect x={5} y={5} width={w - 10} height={h - 10} fill="none" stroke="#b8893b" strokeWidth={1.2} />
      <rect x={7.5} y={7.5} width={w - 15} height={h - 15} fill="none" stroke="#b8893b" strokeWidth={0.4} strokeDasharray="2 1" />
      <circle cx={g.emblem.cx} cy={g.emblem.cy} r={g.emblem.r} fill="none" stroke="#c0392b" strokeWidth={0.8} />
      <text x={g.emblem.cx} y={g.emblem.cy + 1.5} fontSize={g.emblem.r * 0.35} textAnchor="middle" fill="#c0392b">
        {m.emblem}
      </text>
      <text x={w / 2} y={g.title.y} fontSize={g.title.size} textAnchor="middle" letterSpacing={g.title.spacing} fill="#3b2a1a" fontWeight={700}>
        {titleText}
      </text>
      <text x={w / 2} y={g.subtitle.y} fontSize={g.subtitle.size} textAnchor="middle" fill="#3b2a1a">
        {m.subtitle[copy]}
      </text>
      {props.serial !== null ? (
        <text x={g.serial.x} y={g.serial.y} fontSize={g.serial.size} fill="#3b2a1a" fontFamily="monospace">
          {m.serial(props.serial)}
        </text>
      ) : null}
      {licenceFieldNames.map((field) => (
        <FieldLabel key={field} field={field} copy={copy} size={g.labelSize} />
      ))}
      <circle cx={g.seal.cx} cy={g.seal.cy} r={g.seal.r} fill="none" stroke="#c0392b" strokeWidth={0.6} strokeDasharray="1.5 1" />
      <text x={g.seal.cx} y={g.seal.cy + 1} fontSize={g.seal.r * 0.2} textAnchor="middle" fill="#c0392b">
        {m.seal}
      </text>
      <text x={layout.qr.x + layout.qr.size / 2} y={layout.qr.y + layout.qr.size + g.labelSize * 0.9} fontSize={g.labelSize * 0.55} textAnchor="middle" fill="#7a4a2a">
        {m.qrCaption}
      </text>
    </svg>
  );
}
