/** A field id as a DOM id (react-hook-form names contain dots, which CSS and hrefs tolerate). */
export const domId = (fieldId: string) => `f-${fieldId.replace(/\./g, '-')}`;
