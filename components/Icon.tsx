/**
 * The icons Passlight's pages use, drawn as inline SVG: an icon font or an emoji shows as an empty
 * box on a machine without that font. Each is decorative; the button around it carries the name.
 */
const PATHS = {
  plus: 'M12 5v14M5 12h14',
  menu: 'M4 7h16M4 12h16M4 17h16',
  refresh: 'M20 12a8 8 0 1 1-2.3-5.7M20 4v5h-5',
  image:
    'M5 4h14a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2zM21 15l-5-5-10 10M9.5 8.5a1.5 1.5 0 1 1-3 0 1.5 1.5 0 0 1 3 0z',
  mic: 'M12 3a3 3 0 0 1 3 3v6a3 3 0 0 1-6 0V6a3 3 0 0 1 3-3zM5 11a7 7 0 0 0 14 0M12 18v3M8 21h8',
  settings:
    'M21.4 10.8L21.4 13.2L19.0 13.8L18.2 15.7L19.5 17.8L17.8 19.5L15.7 18.2L13.8 19.0L13.2 21.4L10.8 21.4L10.2 19.0L8.3 18.2L6.2 19.5L4.5 17.8L5.8 15.7L5.0 13.8L2.6 13.2L2.6 10.8L5.0 10.2L5.8 8.3L4.5 6.2L6.2 4.5L8.3 5.8L10.2 5.0L10.8 2.6L13.2 2.6L13.8 5.0L15.7 5.8L17.8 4.5L19.5 6.2L18.2 8.3L19.0 10.2ZM15 12a3 3 0 1 1-6 0 3 3 0 0 1 6 0z',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, size = 18 }: { name: IconName; size?: number }) {
  return (
    <svg
      class="icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      stroke-width="2"
      stroke-linecap="round"
      stroke-linejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
