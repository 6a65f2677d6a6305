// The division tree as the API returns it (GET /api/v1/divisions/tree).
export type DivisionNode = {
  code: string;
  name: string;
  level: 'county' | 'town' | 'village';
  urbanRuralCode: string | null;
  children?: DivisionNode[];
};
