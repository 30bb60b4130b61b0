// Distinct colours that stay readable on white (Okabe–Ito, then Tableau).
export const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#7f3c8d', '#4e79a7',
  '#f28e2b', '#59a14f', '#e15759', '#76b7b2', '#b07aa1', '#9c755f', '#555555'];
export const colour = (index) => PALETTE[index % PALETTE.length];
