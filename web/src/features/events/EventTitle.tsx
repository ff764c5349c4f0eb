// An event's title as the sources give it, in English whatever the page's language (the form
// asks for it in English): marked so, and laid out on its own inside Arabic text.
export function EventTitle({ title }: { title: string }) {
  return (
    <span lang="en" dir="ltr">
      {title}
    </span>
  );
}
